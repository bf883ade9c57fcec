<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnnotatedTextView</name>
    <message>
        <location filename="../../src/annotator/gui/textview.py" line="302"/>
        <source>suggested {0} ({1}: {2})</source>
        <translation>建议 {0}（{1}：{2}）</translation>
    </message>
</context>
<context>
    <name>CatalogModel</name>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="184"/>
        <source>Program</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="184"/>
        <source>Occurrences</source>
        <translation>出现次数</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="184"/>
        <source>With variants</source>
        <translation>含变体</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="184"/>
        <source>Documents</source>
        <translation>文档数</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="185"/>
        <source>Organizers</source>
        <translation>主办方</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="185"/>
        <source>Regions</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="185"/>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="221"/>
        <source>Variant of {0}</source>
        <translation>{0} 的变体</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="223"/>
        <source>Also named: {0}</source>
        <translation>又名：{0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="225"/>
        <source>Dates linked: {0}</source>
        <translation>关联日期：{0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="227"/>
        <source>Organizers, places and dates of its latest {0} occurrences</source>
        <translation>主办方、地点和日期取自最近的 {0} 次出现</translation>
    </message>
</context>
<context>
    <name>CatalogView</name>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="416"/>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="418"/>
        <source>Matching programs: {0}</source>
        <translation>匹配的项目：{0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="420"/>
        <source>Programs: {0}</source>
        <translation>项目数：{0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="432"/>
        <source>Choose a program to see its occurrences</source>
        <translation>选择一个项目以查看其出现位置</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="434"/>
        <source>Occurrences of {0}: loading…</source>
        <translation>{0} 的出现位置：加载中…</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="436"/>
        <source>Occurrences of {0}: {1}</source>
        <translation>{0} 的出现位置：{1}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="445"/>
        <source>Program catalog</source>
        <translation>项目目录</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="446"/>
        <source>Search programs and their other names</source>
        <translation>搜索项目及其别名</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="447"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="448"/>
        <source>With its variants</source>
        <translation>包括其变体</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <location filename="../../src/annotator/gui/models.py" line="120"/>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/annotator/gui/window.py" line="164"/>
        <source>Annotator — {0}</source>
        <translation>标注工具 — {0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/window.py" line="165"/>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/window.py" line="166"/>
        <source>Spans</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/window.py" line="167"/>
        <source>All documents</source>
        <translation>全部文档</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/window.py" line="170"/>
        <source>Search titles and text</source>
        <translation>搜索标题和正文</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/window.py" line="172"/>
        <source>Read-only: {0}. Changes cannot be saved.</source>
        <translation>只读：{0}。修改无法保存。</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/window.py" line="175"/>
        <source>No font on this computer can show Chinese: the text appears as empty boxes. Install a CJK font (for example Noto Sans CJK, Debian: fonts-noto-cjk) and start again.</source>
        <translation>本机没有能显示中文的字体：文字会显示为空白方框。请安装中日韩字体（例如 Noto Sans CJK，Debian：fonts-noto-cjk）后重新启动。</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/window.py" line="290"/>
        <source>{0} characters · {1} spans · {2}</source>
        <translation>{0} 个字符 · {1} 个标注 · {2}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/window.py" line="355"/>
        <source>Saved: {0} · {1} tags the same text elsewhere</source>
        <translation>已保存：{0} · {1} 可在别处标注相同文本</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/window.py" line="376"/>
        <source>Select a span first: its text is what is looked for</source>
        <translation>请先选择一个片段：将查找它的文本</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/window.py" line="421"/>
        <source>Saved: {0}</source>
        <translation>已保存：{0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/window.py" line="428"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/window.py" line="463"/>
        <source>Raw page: “{0}” came from characters {1}–{2}</source>
        <translation>原始网页：“{0}”来自第 {1}–{2} 个字符</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/window.py" line="480"/>
        <source>Annotation guidelines</source>
        <translation>标注规范</translation>
    </message>
</context>
<context>
    <name>OccurrenceModel</name>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="309"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="309"/>
        <source>Occurrence</source>
        <translation>出现位置</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="321"/>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="324"/>
        <source>Document {0}, characters {1}–{2}</source>
        <translation>文档 {0}，字符 {1}–{2}</translation>
    </message>
</context>
<context>
    <name>OccurrencesDialog</name>
    <message>
        <location filename="../../src/annotator/gui/occurrences.py" line="30"/>
        <source>Tag all occurrences</source>
        <translation>标注所有出现</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/occurrences.py" line="31"/>
        <source>Tag “{0}” as {1} where it is not tagged yet:</source>
        <translation>将尚未标注的“{0}”标注为 {1}：</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/occurrences.py" line="32"/>
        <source>This document: {0}</source>
        <translation>本文档：{0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/occurrences.py" line="34"/>
        <source>The whole corpus: {0} in {1} documents</source>
        <translation>整个语料库：{1} 篇文档中 {0} 处</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/occurrences.py" line="61"/>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/occurrences.py" line="66"/>
        <source>… and {0} more</source>
        <translation>… 另有 {0} 处</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../src/annotator/gui/preferences.py" line="24"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/preferences.py" line="27"/>
        <source>Widen selections to whole words (jieba)</source>
        <translation>将选择扩展到完整词语（jieba 分词）</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/preferences.py" line="37"/>
        <source>Annotator name</source>
        <translation>标注员姓名</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/preferences.py" line="38"/>
        <source>Text size</source>
        <translation>文字大小</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/preferences.py" line="40"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>StatisticsView</name>
    <message>
        <location filename="../../src/annotator/gui/statistics_view.py" line="85"/>
        <location filename="../../src/annotator/gui/statistics_view.py" line="87"/>
        <location filename="../../src/annotator/gui/statistics_view.py" line="159"/>
        <location filename="../../src/annotator/gui/statistics_view.py" line="161"/>
        <source>Computing…</source>
        <translation>计算中…</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/statistics_view.py" line="111"/>
        <source>Could not compute the statistics: {0}</source>
        <translation>无法计算统计数据：{0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/statistics_view.py" line="120"/>
        <source>{0} documents · computed at {1} in {2} s</source>
        <translation>{0} 篇文档 · {1} 计算，用时 {2} 秒</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/statistics_view.py" line="132"/>
        <source>(no category)</source>
        <translation>（未分类）</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/statistics_view.py" line="132"/>
        <location filename="../../src/annotator/gui/statistics_view.py" line="135"/>
        <source>{0} programs</source>
        <translation>{0} 个项目</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/statistics_view.py" line="135"/>
        <source>(no region)</source>
        <translation>（无地区）</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/statistics_view.py" line="147"/>
        <source>Nothing yet</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/statistics_view.py" line="151"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/statistics_view.py" line="152"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/statistics_view.py" line="153"/>
        <source>Documents by status</source>
        <translation>各状态文档数</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/statistics_view.py" line="154"/>
        <source>Spans per label</source>
        <translation>各标签标注数</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/statistics_view.py" line="155"/>
        <source>Program spans per category</source>
        <translation>各类别项目标注数</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/statistics_view.py" line="156"/>
        <source>Program spans per region</source>
        <translation>各地区项目标注数</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/statistics_view.py" line="157"/>
        <source>Spans added per day (the latest {0} days with work)</source>
        <translation>每日新增标注（最近 {0} 个有标注的日子）</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="176"/>
        <source>Delete span</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="176"/>
        <source>Mark done and go to the next</source>
        <translation>标为完成并转到下一篇</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="177"/>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="177"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="178"/>
        <source>Include or exclude the region here</source>
        <translation>纳入或排除此处的区域</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="179"/>
        <source>Show the raw page</source>
        <translation>显示原始网页</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="179"/>
        <source>Snap selections to words</source>
        <translation>选择对齐到词边界</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="180"/>
        <source>Larger text</source>
        <translation>放大文字</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="180"/>
        <source>Smaller text</source>
        <translation>缩小文字</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="181"/>
        <source>Preferences…</source>
        <translation>首选项…</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="181"/>
        <source>Guidelines</source>
        <translation>标注规范</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="182"/>
        <source>Accept the suggestion</source>
        <translation>接受建议</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="183"/>
        <source>Reject the suggestion</source>
        <translation>拒绝建议</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="184"/>
        <source>Next suggestion</source>
        <translation>下一个建议</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="184"/>
        <source>Previous suggestion</source>
        <translation>上一个建议</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="185"/>
        <source>Show suggestions</source>
        <translation>显示建议</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="186"/>
        <source>Tag all occurrences…</source>
        <translation>标注所有出现…</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="188"/>
        <source>Program catalog</source>
        <translation>项目目录</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="189"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="190"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="190"/>
        <source>&amp;Document</source>
        <translation>文档(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="191"/>
        <source>&amp;Labels</source>
        <translation>标签(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="191"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="192"/>
        <source>&amp;Suggestions</source>
        <translation>建议(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="193"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="193"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="196"/>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="197"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="207"/>
        <source>Undo {0}</source>
        <translation>撤销{0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="207"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="208"/>
        <source>Redo {0}</source>
        <translation>重做{0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="208"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="222"/>
        <source>Accept all {0} suggestions in this document</source>
        <translation>接受本文档中所有 {0} 建议</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="223"/>
        <source>Reject all {0} suggestions in this document</source>
        <translation>拒绝本文档中所有 {0} 建议</translation>
    </message>
</context>
<context>
    <name>columns</name>
    <message>
        <location filename="../../src/annotator/gui/models.py" line="68"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/models.py" line="68"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/models.py" line="69"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/models.py" line="69"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/models.py" line="70"/>
        <source>Spans</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/models.py" line="153"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/models.py" line="153"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/models.py" line="154"/>
        <source>Origin</source>
        <translation>来源方式</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="36"/>
        <source>tag {0}</source>
        <translation>标注 {0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="38"/>
        <source>delete span</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="40"/>
        <source>relabel as {0}</source>
        <translation>改标为 {0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="42"/>
        <source>mark done</source>
        <translation>标为完成</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="42"/>
        <source>skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="43"/>
        <source>reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="44"/>
        <source>mark new</source>
        <translation>标为新建</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="47"/>
        <source>accept the suggested {0}</source>
        <translation>接受建议的 {0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="48"/>
        <source>accept {0} suggestions</source>
        <translation>接受 {0} 条建议</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="51"/>
        <source>reject the suggested {0}</source>
        <translation>拒绝建议的 {0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="52"/>
        <source>reject {0} suggestions</source>
        <translation>拒绝 {0} 条建议</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="54"/>
        <source>tag {0} occurrences as {1}</source>
        <translation>将 {0} 处标注为 {1}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="57"/>
        <source>exclude region</source>
        <translation>排除区域</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="58"/>
        <source>include region</source>
        <translation>纳入区域</translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <location filename="../../src/annotator/gui/models.py" line="25"/>
        <source>new</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/models.py" line="26"/>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/models.py" line="27"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/models.py" line="28"/>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
</context>
</TS>
