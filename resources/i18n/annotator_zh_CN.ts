<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../src/annotator/gui/help.py" line="123" />
        <source>About Annotator</source>
        <translation>关于标注工具</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/help.py" line="124" />
        <source>Annotator {0}

A desktop annotator for Chinese documents: spans, links and a program catalog, saved as you go in one project file.</source>
        <translation>标注工具 {0}

中文文档的桌面标注工具：片段、关联和项目目录，随做随存于一个项目文件中。</translation>
    </message>
</context>
<context>
    <name>AnnotatedTextView</name>
    <message>
        <location filename="../../src/annotator/gui/textview.py" line="409" />
        <source>suggested {0} ({1}: {2}), confidence {3}</source>
        <translation>建议 {0}（{1}：{2}），置信度 {3}</translation>
    </message>
</context>
<context>
    <name>CatalogModel</name>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="184" />
        <source>Program</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="184" />
        <source>Occurrences</source>
        <translation>出现次数</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="184" />
        <source>With variants</source>
        <translation>含变体</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="184" />
        <source>Documents</source>
        <translation>文档数</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="185" />
        <source>Organizers</source>
        <translation>主办方</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="185" />
        <source>Regions</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="185" />
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="219" />
        <source>Variant of {0}</source>
        <translation>{0} 的变体</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="221" />
        <source>Also named: {0}</source>
        <translation>又名：{0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="223" />
        <source>Dates linked: {0}</source>
        <translation>关联日期：{0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="227" />
        <source>Pages dated: {0}</source>
        <translation>页面日期：{0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="229" />
        <source>Organizers, places and dates of its latest {0} occurrences</source>
        <translation>主办方、地点和日期取自最近的 {0} 次出现</translation>
    </message>
</context>
<context>
    <name>CatalogView</name>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="417" />
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="419" />
        <source>Matching programs: {0}</source>
        <translation>匹配的项目：{0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="421" />
        <source>Programs: {0}</source>
        <translation>项目数：{0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="433" />
        <source>Choose a program to see its occurrences</source>
        <translation>选择一个项目以查看其出现位置</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="435" />
        <source>Occurrences of {0}: loading…</source>
        <translation>{0} 的出现位置：加载中…</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="437" />
        <source>Occurrences of {0}: {1}</source>
        <translation>{0} 的出现位置：{1}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="446" />
        <source>Program catalog</source>
        <translation>项目目录</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="447" />
        <source>Search programs and their other names</source>
        <translation>搜索项目及其别名</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="448" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="449" />
        <source>With its variants</source>
        <translation>包括其变体</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <location filename="../../src/annotator/gui/models.py" line="163" />
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../src/annotator/gui/export_dialog.py" line="139" />
        <location filename="../../src/annotator/gui/export_dialog.py" line="276" />
        <source>Export dataset</source>
        <translation>导出数据集</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/export_dialog.py" line="157" />
        <source>Cut excluded regions out of the text</source>
        <translation>从文本中删去排除区域</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/export_dialog.py" line="159" />
        <source>Split into parts by document</source>
        <translation>按文档划分为若干部分</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/export_dialog.py" line="167" />
        <source>seed </source>
        <translation>种子 </translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/export_dialog.py" line="173" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/export_dialog.py" line="179" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/export_dialog.py" line="184" />
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/export_dialog.py" line="185" />
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/export_dialog.py" line="186" />
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/export_dialog.py" line="189" />
        <source>CoNLL tags</source>
        <translation>CoNLL 标记</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/export_dialog.py" line="190" />
        <source>Save to</source>
        <translation>保存到</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/export_dialog.py" line="245" />
        <source>Export to a folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/export_dialog.py" line="248" />
        <source>Export to a file</source>
        <translation>导出到文件</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/export_dialog.py" line="257" />
        <source>Choose where to save the dataset</source>
        <translation>请选择数据集的保存位置</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/export_dialog.py" line="259" />
        <source>Choose at least one label</source>
        <translation>请至少选择一个标签</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/export_dialog.py" line="263" />
        <source>The parts add up to {0}, not 1</source>
        <translation>各部分之和为 {0}，不是 1</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/export_dialog.py" line="282" />
        <source>The export stopped: {0}. Nothing was written under {1}.</source>
        <translation>导出中止：{0}。{1} 处没有写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/export_dialog.py" line="284" />
        <source>Cancelled: nothing was written under {0}.</source>
        <translation>已取消：{0} 处没有写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/export_dialog.py" line="295" />
        <source>{0} documents, {1} spans written to {2}</source>
        <translation>{0} 篇文档、{1} 个标注已写入 {2}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/export_dialog.py" line="300" />
        <source>{0} spans left out: {1} cannot hold them (overlapping or nested spans, or spans starting or ending at a line break)</source>
        <translation>{0} 个标注未导出：{1} 格式无法容纳（重叠或嵌套的标注，或在换行处开始或结束的标注）</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/export_dialog.py" line="302" />
        <source>The same export from a terminal: annotator {0}</source>
        <translation>在终端中的同样导出：annotator {0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/export_dialog.py" line="305" />
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
</context>
<context>
    <name>FileMenu</name>
    <message>
        <location filename="../../src/annotator/gui/project_menu.py" line="255" />
        <source>New project…</source>
        <translation>新建项目…</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/project_menu.py" line="255" />
        <source>Open project…</source>
        <translation>打开项目…</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/project_menu.py" line="256" />
        <source>Close project</source>
        <translation>关闭项目</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/project_menu.py" line="257" />
        <source>Import documents…</source>
        <translation>导入文档…</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/project_menu.py" line="258" />
        <source>Import a folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/project_menu.py" line="259" />
        <source>Import annotations…</source>
        <translation>导入标注数据…</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/project_menu.py" line="260" />
        <source>Export dataset…</source>
        <translation>导出数据集…</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/project_menu.py" line="260" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/project_menu.py" line="262" />
        <source>Open recent</source>
        <translation>最近的项目</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/project_menu.py" line="263" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/project_menu.py" line="266" />
        <source>This project has no documents yet: File → Import documents… (Ctrl+I) or Import a folder…, or drop files and folders on the window (.txt .md .html .htm .jsonl).</source>
        <translation>此项目还没有文档：文件 → 导入文档…（Ctrl+I）或导入文件夹…，也可以把文件和文件夹拖到窗口上（.txt .md .html .htm .jsonl）。</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/project_menu.py" line="276" />
        <source>{0} (missing: choose to remove it)</source>
        <translation>{0}（已不存在：选择即可从列表中移除）</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/project_menu.py" line="282" />
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/project_menu.py" line="286" />
        <source>Import documents</source>
        <translation>导入文档</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/project_menu.py" line="288" />
        <source>Documents ({0})</source>
        <translation>文档 ({0})</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/project_menu.py" line="293" />
        <source>Import a folder</source>
        <translation>导入文件夹</translation>
    </message>
</context>
<context>
    <name>GuidelinesDialog</name>
    <message>
        <location filename="../../src/annotator/gui/help.py" line="47" />
        <source>Annotation guidelines</source>
        <translation>标注规范</translation>
    </message>
</context>
<context>
    <name>ImportAnnotations</name>
    <message>
        <location filename="../../src/annotator/gui/import_dialog.py" line="220" />
        <location filename="../../src/annotator/gui/import_dialog.py" line="261" />
        <source>Import annotations</source>
        <translation>导入标注数据</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/import_dialog.py" line="222" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/import_dialog.py" line="228" />
        <source>Detect from the file</source>
        <translation>根据文件判断</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/import_dialog.py" line="231" />
        <source>Normalize the text (spans move with it)</source>
        <translation>规范化文本（标注随之移动）</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/import_dialog.py" line="233" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/import_dialog.py" line="238" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/import_dialog.py" line="239" />
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/import_dialog.py" line="246" />
        <source>Annotated file</source>
        <translation>标注数据文件</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/import_dialog.py" line="254" />
        <source>{0}: no such file or folder</source>
        <translation>{0}：没有这个文件或文件夹</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/import_dialog.py" line="277" />
        <source>{0}: {1} problems; nothing from this file was imported</source>
        <translation>{0}：{1} 个问题；此文件的内容均未导入</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/import_dialog.py" line="280" />
        <source>{0} ({1}): {2} annotated documents imported with {3} spans, {4} duplicates skipped</source>
        <translation>{0}（{1}）：导入了 {2} 篇带标注的文档，共 {3} 个标注，跳过 {4} 篇重复文档</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/import_dialog.py" line="283" />
        <source>skipped {0}: the same text is already in the project</source>
        <translation>跳过 {0}：项目中已有相同的文本</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/import_dialog.py" line="289" />
        <source>Cancelled: nothing was imported ({0} documents before and after)</source>
        <translation>已取消：没有导入任何内容（前后都是 {0} 篇文档）</translation>
    </message>
</context>
<context>
    <name>ImportDocuments</name>
    <message>
        <location filename="../../src/annotator/gui/import_dialog.py" line="157" />
        <source>Import documents</source>
        <translation>导入文档</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/import_dialog.py" line="194" />
        <source>{0} imported, {1} duplicates skipped, {2} rejected</source>
        <translation>导入 {0} 篇，跳过重复 {1} 篇，拒绝 {2} 个</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/import_dialog.py" line="196" />
        <source>rejected {0}</source>
        <translation>拒绝 {0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/import_dialog.py" line="197" />
        <source>skipped {0}: already in the project</source>
        <translation>跳过 {0}：项目中已有</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/import_dialog.py" line="203" />
        <source>Cancelled: {0} documents were imported before the cancel and stay; nothing was half-written</source>
        <translation>已取消：取消前导入的 {0} 篇文档保留；没有写了一半的内容</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/import_dialog.py" line="208" />
        <source>The import stopped: {0}</source>
        <translation>导入中止：{0}</translation>
    </message>
</context>
<context>
    <name>LabelEditor</name>
    <message>
        <location filename="../../src/annotator/gui/label_editor.py" line="170" />
        <source>Edit labels</source>
        <translation>编辑标签</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/label_editor.py" line="180" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/label_editor.py" line="187" />
        <source>one line an attribute, e.g.
category: 宣讲, 培训
level (optional): national, city</source>
        <translation>每行一个属性，例如
category: 宣讲, 培训
level (optional): national, city</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/label_editor.py" line="193" />
        <source>New label</source>
        <translation>新建标签</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/label_editor.py" line="194" />
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/label_editor.py" line="195" />
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/label_editor.py" line="196" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/label_editor.py" line="205" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/label_editor.py" line="206" />
        <source>Chinese name</source>
        <translation>中文名</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/label_editor.py" line="207" />
        <source>English name</source>
        <translation>英文名</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/label_editor.py" line="208" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/label_editor.py" line="209" />
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/label_editor.py" line="210" />
        <source>Hotkey</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/label_editor.py" line="211" />
        <source>Attributes</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/label_editor.py" line="275" />
        <source>A label name needs letters or digits</source>
        <translation>标签名称需要由字母或数字组成</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/label_editor.py" line="277" />
        <source>The colour must be #RRGGBB</source>
        <translation>颜色须为 #RRGGBB</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/label_editor.py" line="282" />
        <source>There is already a label {0}</source>
        <translation>已有标签 {0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/label_editor.py" line="284" />
        <source>Hotkey {0} already belongs to {1}</source>
        <translation>快捷键 {0} 已属于 {1}</translation>
    </message>
</context>
<context>
    <name>LabelMenu</name>
    <message>
        <location filename="../../src/annotator/gui/label_editor.py" line="97" />
        <source>Edit labels…</source>
        <translation>编辑标签…</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/label_editor.py" line="98" />
        <source>Export the label schema…</source>
        <translation>导出标签方案…</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/label_editor.py" line="99" />
        <source>Import a label schema…</source>
        <translation>导入标签方案…</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/label_editor.py" line="128" />
        <source>Export the label schema</source>
        <translation>导出标签方案</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/label_editor.py" line="129" />
        <location filename="../../src/annotator/gui/label_editor.py" line="150" />
        <source>TOML (*.toml)</source>
        <translation>TOML (*.toml)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/label_editor.py" line="143" />
        <source>{0}: cannot write it ({1})</source>
        <translation>{0}：无法写入（{1}）</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/label_editor.py" line="146" />
        <source>Label schema saved to {0}</source>
        <translation>标签方案已保存到 {0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/label_editor.py" line="149" />
        <source>Import a label schema</source>
        <translation>导入标签方案</translation>
    </message>
</context>
<context>
    <name>LearningActions</name>
    <message>
        <location filename="../../src/annotator/gui/learning.py" line="71" />
        <source>Next most uncertain</source>
        <translation>下一个最不确定的建议</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/learning.py" line="72" />
        <source>Suggestion settings…</source>
        <translation>建议设置…</translation>
    </message>
</context>
<context>
    <name>LinkMode</name>
    <message>
        <location filename="../../src/annotator/gui/linking.py" line="70" />
        <source>Select a program span first: a link goes from it to its organizer, place or date</source>
        <translation>请先选择一个项目品牌标注：链接从它指向主办方、地点或日期</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/linking.py" line="76" />
        <source>No link goes from a {0} span</source>
        <translation>{0} 标注没有可建立的链接</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/linking.py" line="78" />
        <source>A {0} span has no {1} links</source>
        <translation>{0} 标注没有“{1}”链接</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/linking.py" line="89" />
        <source>Link “{0}” to a {1}: click it, or Tab to the nearest and Enter; Esc cancels</source>
        <translation>为“{0}”链接一个 {1}：点击它，或按 Tab 选最近的再按 Enter；Esc 取消</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/linking.py" line="97" />
        <source>No {0} span in this document to link to</source>
        <translation>本文档中没有可链接的 {0} 标注</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/linking.py" line="104" />
        <source>{0} “{1}” ({2} of {3}): Enter links it, Tab the next, Esc cancels</source>
        <translation>{0}“{1}”（第 {2} 个，共 {3} 个）：Enter 建立链接，Tab 下一个，Esc 取消</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/linking.py" line="111" />
        <source>Tab to a span first, or click one</source>
        <translation>请先按 Tab 选一个标注，或点击一个标注</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/linking.py" line="122" />
        <source>Click a span to link to, or press Esc</source>
        <translation>点击要链接的标注，或按 Esc</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/linking.py" line="130" />
        <source>A suggestion is not a span yet: accept it first (Esc leaves link mode)</source>
        <translation>建议还不是标注：请先接受它（Esc 退出链接模式）</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/linking.py" line="137" />
        <source>A span cannot link to itself</source>
        <translation>标注不能链接到自身</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/linking.py" line="141" />
        <source>“{0}” is a {1}: a link from “{2}” goes to a {3}</source>
        <translation>“{0}”是 {1}：从“{2}”出发的链接只能指向 {3}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/linking.py" line="145" />
        <source>“{0}” is already the {1} of “{2}”</source>
        <translation>“{0}”已经是“{2}”的{1}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/linking.py" line="158" />
        <source>No link made</source>
        <translation>未建立链接</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/annotator/gui/window.py" line="120" />
        <source>Annotator — {0}</source>
        <translation>标注工具 — {0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/docks.py" line="112" />
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/window.py" line="122" />
        <source>Spans</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/window.py" line="123" />
        <source>Selected span</source>
        <translation>选中的标注</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/docks.py" line="113" />
        <source>All documents</source>
        <translation>全部文档</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/docks.py" line="116" />
        <source>Search titles and text</source>
        <translation>搜索标题和正文</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/docks.py" line="68" />
        <source>Read-only: {0}. Changes cannot be saved.</source>
        <translation>只读：{0}。修改无法保存。</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/docks.py" line="71" />
        <source>Read-only: changes to this project cannot be saved.</source>
        <translation>只读：对此项目的修改无法保存。</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/docks.py" line="74" />
        <source>No font on this computer can show Chinese: the text appears as empty boxes. Install a CJK font (for example Noto Sans CJK, Debian: fonts-noto-cjk) and start again.</source>
        <translation>本机没有能显示中文的字体：文字会显示为空白方框。请安装中日韩字体（例如 Noto Sans CJK，Debian：fonts-noto-cjk）后重新启动。</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/window.py" line="239" />
        <source>{0} characters · {1} spans · {2}</source>
        <translation>{0} 个字符 · {1} 个标注 · {2}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/window.py" line="292" />
        <source>Saved: {0} · {1} tags the same text elsewhere</source>
        <translation>已保存：{0} · {1} 可在别处标注相同文本</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/window.py" line="321" />
        <source>Select a span first: its text is what is looked for</source>
        <translation>请先选择一个片段：将查找它的文本</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/window.py" line="369" />
        <source>Saved: {0}</source>
        <translation>已保存：{0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/docks.py" line="129" />
        <source>Suggestions loading…</source>
        <translation>建议加载中…</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/docks.py" line="133" />
        <source>done {0} of {1}</source>
        <translation>已完成 {0} / {1}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/window.py" line="380" />
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/window.py" line="410" />
        <source>Raw page: “{0}” came from characters {1}–{2}</source>
        <translation>原始网页：“{0}”来自第 {1}–{2} 个字符</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/window.py" line="436" />
        <source>Links are made on the normalized text: leave the raw page first</source>
        <translation>链接在规范化文本上建立：请先退出原始页面</translation>
    </message>
</context>
<context>
    <name>OccurrenceModel</name>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="311" />
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="311" />
        <source>Occurrence</source>
        <translation>出现位置</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="323" />
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/catalog_view.py" line="326" />
        <source>Document {0}, characters {1}–{2}</source>
        <translation>文档 {0}，字符 {1}–{2}</translation>
    </message>
</context>
<context>
    <name>OccurrencesDialog</name>
    <message>
        <location filename="../../src/annotator/gui/occurrences.py" line="31" />
        <source>Tag all occurrences</source>
        <translation>标注所有出现</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/occurrences.py" line="32" />
        <source>Tag “{0}” as {1} where it is not tagged yet:</source>
        <translation>将尚未标注的“{0}”标注为 {1}：</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/occurrences.py" line="34" />
        <source>This document: {0}</source>
        <translation>本文档：{0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/occurrences.py" line="36" />
        <source>The whole corpus: {0} in {1} documents</source>
        <translation>整个语料库：{1} 篇文档中 {0} 处</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/occurrences.py" line="63" />
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/occurrences.py" line="68" />
        <source>… and {0} more</source>
        <translation>… 另有 {0} 处</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../src/annotator/gui/preferences.py" line="24" />
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/preferences.py" line="27" />
        <source>Widen selections to whole words (jieba)</source>
        <translation>将选择扩展到完整词语（jieba 分词）</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/preferences.py" line="37" />
        <source>Annotator name</source>
        <translation>标注员姓名</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/preferences.py" line="38" />
        <source>Text size</source>
        <translation>文字大小</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/preferences.py" line="40" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <location filename="../../src/annotator/gui/import_dialog.py" line="100" />
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/import_dialog.py" line="110" />
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/import_dialog.py" line="120" />
        <source>Elapsed {0}</source>
        <translation>已用时间 {0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/import_dialog.py" line="127" />
        <source>{0} of {1} documents</source>
        <translation>{0} / {1} 篇文档</translation>
    </message>
</context>
<context>
    <name>ProposalsDialog</name>
    <message>
        <location filename="../../src/annotator/gui/propagate.py" line="38" />
        <source>Apply region decisions to this source</source>
        <translation>将区域的取舍应用到同一来源的文档</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/propagate.py" line="39" />
        <source>Looking for the lines decided here in the other documents of this source…</source>
        <translation>正在同一来源的其他文档中查找此处取舍过的行…</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/propagate.py" line="59" />
        <source>No other document of this source has the lines decided by hand here</source>
        <translation>同一来源的其他文档中没有此处手动取舍的行</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/propagate.py" line="62" />
        <source>{0} lines in {1} documents; the checked ones are applied:</source>
        <translation>{1} 篇文档中有 {0} 行；将应用勾选的行：</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/propagate.py" line="64" />
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/propagate.py" line="66" />
        <source>exclude</source>
        <translation>排除</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/propagate.py" line="66" />
        <source>include</source>
        <translation>纳入</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/propagate.py" line="85" />
        <source>Could not read the other documents: {0}</source>
        <translation>无法读取其他文档：{0}</translation>
    </message>
</context>
<context>
    <name>RemoveLabelDialog</name>
    <message>
        <location filename="../../src/annotator/gui/label_editor.py" line="334" />
        <source>Remove label {0}</source>
        <translation>删除标签 {0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/label_editor.py" line="335" />
        <source>{0} spans carry the label {1}. What happens to them?</source>
        <translation>有 {0} 个标注使用标签 {1}。如何处理它们？</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/label_editor.py" line="337" />
        <source>Delete the {0} spans</source>
        <translation>删除这 {0} 个标注</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/label_editor.py" line="338" />
        <source>Relabel them to:</source>
        <translation>改为标签：</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <location filename="../../src/annotator/gui/help.py" line="99" />
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/help.py" line="100" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/help.py" line="100" />
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>SpanPanel</name>
    <message>
        <location filename="../../src/annotator/gui/span_panel.py" line="99" />
        <source>Attributes</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/span_panel.py" line="100" />
        <source>Links</source>
        <translation>链接</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/span_panel.py" line="101" />
        <source>Catalog</source>
        <translation>项目目录</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/span_panel.py" line="102" />
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/span_panel.py" line="103" />
        <source>Unlink</source>
        <translation>取消关联</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/span_panel.py" line="112" />
        <source>Select a span to see its attributes, links and program.</source>
        <translation>选择一个标注，查看它的属性、链接和项目。</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/span_panel.py" line="118" />
        <source>{0} ({1}): “{2}”</source>
        <translation>{0}（{1}）：“{2}”</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/span_panel.py" line="142" />
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/span_panel.py" line="142" />
        <source>(not set yet)</source>
        <translation>（尚未设置）</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/span_panel.py" line="150" />
        <source>{0} spans have no attributes.</source>
        <translation>{0} 标注没有属性。</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/span_panel.py" line="177" />
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/span_panel.py" line="179" />
        <source>Link…</source>
        <translation>链接…</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/span_panel.py" line="180" />
        <source>Then click a {0} span, or Tab to one and press Enter</source>
        <translation>然后点击一个 {0} 标注，或按 Tab 选中再按 Enter</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/span_panel.py" line="189" />
        <source>{0} of “{1}”</source>
        <translation>“{1}”的{0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/span_panel.py" line="191" />
        <source>No links go from {0} spans.</source>
        <translation>{0} 标注没有链接。</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/span_panel.py" line="201" />
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/span_panel.py" line="214" />
        <source>In the catalog: {0}</source>
        <translation>目录中的项目：{0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/span_panel.py" line="216" />
        <source>a variant of {0}</source>
        <translation>{0} 的变体</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/span_panel.py" line="220" />
        <source>Not in the catalog yet. Proposed:</source>
        <translation>尚未关联目录。建议：</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/span_panel.py" line="234" />
        <source>link to {0}</source>
        <translation>关联到 {0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/span_panel.py" line="236" />
        <source>new program {0}, a variant of {1}</source>
        <translation>新项目 {0}，作为 {1} 的变体</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/span_panel.py" line="237" />
        <source>new program {0}</source>
        <translation>新项目 {0}</translation>
    </message>
</context>
<context>
    <name>StartWindow</name>
    <message>
        <location filename="../../src/annotator/gui/project_menu.py" line="54" />
        <source>Annotator</source>
        <translation>标注工具</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/project_menu.py" line="55" />
        <source>No project is open.
File → New project… makes one; File → Open project… (Ctrl+O) or File → Open recent opens one.</source>
        <translation>没有打开的项目。
文件 → 新建项目… 新建一个；文件 → 打开项目…（Ctrl+O）或 文件 → 最近的项目 打开一个。</translation>
    </message>
</context>
<context>
    <name>StatisticsView</name>
    <message>
        <location filename="../../src/annotator/gui/statistics_view.py" line="84" />
        <location filename="../../src/annotator/gui/statistics_view.py" line="86" />
        <location filename="../../src/annotator/gui/statistics_view.py" line="158" />
        <location filename="../../src/annotator/gui/statistics_view.py" line="160" />
        <source>Computing…</source>
        <translation>计算中…</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/statistics_view.py" line="110" />
        <source>Could not compute the statistics: {0}</source>
        <translation>无法计算统计数据：{0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/statistics_view.py" line="119" />
        <source>{0} documents · computed at {1} in {2} s</source>
        <translation>{0} 篇文档 · {1} 计算，用时 {2} 秒</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/statistics_view.py" line="131" />
        <source>(no category)</source>
        <translation>（未分类）</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/statistics_view.py" line="131" />
        <location filename="../../src/annotator/gui/statistics_view.py" line="134" />
        <source>{0} programs</source>
        <translation>{0} 个项目</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/statistics_view.py" line="134" />
        <source>(no region)</source>
        <translation>（无地区）</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/statistics_view.py" line="146" />
        <source>Nothing yet</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/statistics_view.py" line="150" />
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/statistics_view.py" line="151" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/statistics_view.py" line="152" />
        <source>Documents by status</source>
        <translation>各状态文档数</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/statistics_view.py" line="153" />
        <source>Spans per label</source>
        <translation>各标签标注数</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/statistics_view.py" line="154" />
        <source>Program spans per category</source>
        <translation>各类别项目标注数</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/statistics_view.py" line="155" />
        <source>Program spans per region</source>
        <translation>各地区项目标注数</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/statistics_view.py" line="156" />
        <source>Spans added per day (the latest {0} days with work)</source>
        <translation>每日新增标注（最近 {0} 个有标注的日子）</translation>
    </message>
</context>
<context>
    <name>SuggestionListDialog</name>
    <message>
        <location filename="../../src/annotator/gui/suggestion_list.py" line="20" />
        <source>Accept suggestions</source>
        <translation>接受建议</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/suggestion_list.py" line="21" />
        <source>Accept the checked {0} suggestions of this document:</source>
        <translation>接受本文档中勾选的 {0} 建议：</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/suggestion_list.py" line="31" />
        <source>{0} ({1}: {2})</source>
        <translation>{0}（{1}：{2}）</translation>
    </message>
</context>
<context>
    <name>SuggestionSettingsDialog</name>
    <message>
        <location filename="../../src/annotator/gui/learning.py" line="22" />
        <source>Suggestion settings</source>
        <translation>建议设置</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/learning.py" line="25" />
        <source>Words this project's annotators tagged</source>
        <translation>本项目标注员标注过的词</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/learning.py" line="26" />
        <source>The domain lexicon</source>
        <translation>领域词表</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/learning.py" line="27" />
        <source>Program names</source>
        <translation>项目品牌名称</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/learning.py" line="28" />
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/learning.py" line="29" />
        <source>jieba's word tags</source>
        <translation>jieba 词性</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/learning.py" line="30" />
        <source>The general model (LAC)</source>
        <translation>通用模型（LAC）</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/learning.py" line="31" />
        <source>This project's tagger, trained on its spans</source>
        <translation>本项目的标注器（用本项目的标注训练）</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/learning.py" line="41" />
        <source>Confidence floor</source>
        <translation>置信度下限</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="260" />
        <source>Delete span</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="260" />
        <source>Mark done and go to the next</source>
        <translation>标为完成并转到下一篇</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="261" />
        <location filename="../../src/annotator/gui/actions.py" line="279" />
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="261" />
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="262" />
        <source>Include or exclude the region here</source>
        <translation>纳入或排除此处的区域</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="263" />
        <source>Apply region decisions to this source</source>
        <translation>将区域的取舍应用到同一来源的文档</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="264" />
        <source>Show the raw page</source>
        <translation>显示原始网页</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="264" />
        <source>Snap selections to words</source>
        <translation>选择对齐到词边界</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="265" />
        <source>Larger text</source>
        <translation>放大文字</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="265" />
        <source>Smaller text</source>
        <translation>缩小文字</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="266" />
        <source>Preferences…</source>
        <translation>首选项…</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="266" />
        <source>Guidelines</source>
        <translation>标注规范</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="267" />
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="267" />
        <source>About Annotator</source>
        <translation>关于标注工具</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="268" />
        <source>Accept the suggestion</source>
        <translation>接受建议</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="269" />
        <source>Reject the suggestion</source>
        <translation>拒绝建议</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="270" />
        <source>Next suggestion</source>
        <translation>下一个建议</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="270" />
        <source>Previous suggestion</source>
        <translation>上一个建议</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="271" />
        <source>Show suggestions</source>
        <translation>显示建议</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="272" />
        <source>Tag all occurrences…</source>
        <translation>标注所有出现…</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="273" />
        <source>Next span</source>
        <translation>下一个标注</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="273" />
        <source>Previous span</source>
        <translation>上一个标注</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="274" />
        <source>Edit the span's attributes</source>
        <translation>编辑标注属性</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="275" />
        <source>Link the span to…</source>
        <translation>为标注建立链接…</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="275" />
        <source>Next span to link to</source>
        <translation>下一个可链接的标注</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="276" />
        <source>Previous span to link to</source>
        <translation>上一个可链接的标注</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="277" />
        <source>Make the link</source>
        <translation>建立链接</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="277" />
        <source>Cancel the link</source>
        <translation>取消链接</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="279" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="279" />
        <source>Raw page</source>
        <translation>原始页面</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="288" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="288" />
        <source>&amp;Document</source>
        <translation>文档(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="289" />
        <source>&amp;Labels</source>
        <translation>标签(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="289" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="290" />
        <source>&amp;Suggestions</source>
        <translation>建议(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="291" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="291" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="294" />
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="295" />
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="304" />
        <source>Undo {0}</source>
        <translation>撤销{0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="304" />
        <location filename="../../src/annotator/gui/actions.py" line="307" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="305" />
        <source>Redo {0}</source>
        <translation>重做{0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="305" />
        <location filename="../../src/annotator/gui/actions.py" line="307" />
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="327" />
        <source>Accept all {0} suggestions in this document</source>
        <translation>接受本文档中所有 {0} 建议</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="328" />
        <source>Reject all {0} suggestions in this document</source>
        <translation>拒绝本文档中所有 {0} 建议</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="330" />
        <source>Accept all suggestions of the selected one's label</source>
        <translation>接受与所选建议同一标签的全部建议</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="331" />
        <source>Reject all suggestions of the selected one's label</source>
        <translation>拒绝与所选建议同一标签的全部建议</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="286" />
        <source>Program catalog</source>
        <translation>项目目录</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="287" />
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../src/annotator/gui/project_menu.py" line="105" />
        <source>Cannot open the project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/project_menu.py" line="143" />
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/project_menu.py" line="144" />
        <location filename="../../src/annotator/gui/project_menu.py" line="160" />
        <source>Projects (*{0})</source>
        <translation>项目 (*{0})</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/project_menu.py" line="159" />
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/project_menu.py" line="167" />
        <source>{0} is missing; removed from the recent projects</source>
        <translation>{0} 已不存在；已从最近的项目中移除</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/project_menu.py" line="177" />
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/project_menu.py" line="178" />
        <source>Every edit records who made it. Your name (you can change it later in Edit → Preferences):</source>
        <translation>每次修改都会记录修改人。您的姓名（以后可在 编辑 → 首选项 中更改）：</translation>
    </message>
</context>
<context>
    <name>columns</name>
    <message>
        <location filename="../../src/annotator/gui/models.py" line="111" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/models.py" line="111" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/models.py" line="112" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/models.py" line="112" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/models.py" line="113" />
        <source>Spans</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/models.py" line="212" />
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/models.py" line="212" />
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/models.py" line="213" />
        <source>Origin</source>
        <translation>来源方式</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/models.py" line="113" />
        <source>Learn</source>
        <translation>学习价值</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="50" />
        <source>tag {0}</source>
        <translation>标注 {0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="52" />
        <source>delete span</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="54" />
        <source>reject the accepted suggestion</source>
        <translation>拒绝已接受的建议</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="56" />
        <source>relabel as {0}</source>
        <translation>改标为 {0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="58" />
        <source>mark done</source>
        <translation>标为完成</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="58" />
        <source>skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="59" />
        <source>reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="60" />
        <source>mark new</source>
        <translation>标为新建</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="63" />
        <source>accept the suggested {0}</source>
        <translation>接受建议的 {0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="64" />
        <source>accept {0} suggestions</source>
        <translation>接受 {0} 条建议</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="67" />
        <source>reject the suggested {0}</source>
        <translation>拒绝建议的 {0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="68" />
        <source>reject {0} suggestions</source>
        <translation>拒绝 {0} 条建议</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="70" />
        <source>tag {0} occurrences as {1}</source>
        <translation>将 {0} 处标注为 {1}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="72" />
        <source>set {0}</source>
        <translation>设置{0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="74" />
        <source>link {0}</source>
        <translation>链接{0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="76" />
        <source>remove link</source>
        <translation>删除链接</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="78" />
        <source>link to the catalog</source>
        <translation>关联到项目目录</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="80" />
        <source>unlink from the catalog</source>
        <translation>取消关联项目目录</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="82" />
        <source>new program {0}</source>
        <translation>新项目 {0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="85" />
        <source>exclude region</source>
        <translation>排除区域</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="86" />
        <source>include region</source>
        <translation>纳入区域</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="88" />
        <source>apply {0} region decisions to {1} documents</source>
        <translation>将 {0} 项区域取舍应用到 {1} 篇文档</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="91" />
        <source>add label {0}</source>
        <translation>添加标签 {0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="93" />
        <source>change label {0}</source>
        <translation>修改标签 {0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="95" />
        <source>remove label {0}</source>
        <translation>删除标签 {0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/actions.py" line="97" />
        <source>import the label schema</source>
        <translation>导入标签方案</translation>
    </message>
</context>
<context>
    <name>flags</name>
    <message>
        <location filename="../../src/annotator/gui/flags.py" line="16" />
        <source>{0} probably was {1} (bytes lost)</source>
        <translation>{0} 原本可能是 {1}(字节丢失)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/flags.py" line="19" />
        <source>{0} reads {1} one byte on</source>
        <translation>{0} 错位一个字节后读作 {1}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/flags.py" line="22" />
        <source>an unrepaired splice</source>
        <translation>一处未修复的拼接乱码</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/flags.py" line="23" />
        <source>To check: {0}</source>
        <translation>待核对:{0}</translation>
    </message>
</context>
<context>
    <name>origin</name>
    <message>
        <location filename="../../src/annotator/gui/models.py" line="35" />
        <source>manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/models.py" line="36" />
        <source>suggested</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/models.py" line="37" />
        <source>imported</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>propagate</name>
    <message>
        <location filename="../../src/annotator/gui/propagate.py" line="113" />
        <source>Applied {0} region decisions to {1} documents of this source</source>
        <translation>已将 {0} 项区域取舍应用到同一来源的 {1} 篇文档</translation>
    </message>
</context>
<context>
    <name>readonly</name>
    <message>
        <location filename="../../src/annotator/gui/models.py" line="42" />
        <source>the project is open in another process</source>
        <translation>项目已在另一个进程中打开</translation>
    </message>
</context>
<context>
    <name>reasons</name>
    <message>
        <location filename="../../src/annotator/gui/reasons.py" line="21" />
        <source>date pattern</source>
        <translation>日期格式</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/reasons.py" line="22" />
        <source>LAC {0}</source>
        <translation>通用模型 LAC，标记 {0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/reasons.py" line="23" />
        <source>jieba: a person's name after a title</source>
        <translation>结巴：职务后的人名</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/reasons.py" line="24" />
        <source>jieba tag {0}</source>
        <translation>结巴词性 {0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/reasons.py" line="25" />
        <source>domain lexicon: {0}</source>
        <translation>领域词表：{0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/reasons.py" line="26" />
        <source>congress or plenum pattern</source>
        <translation>代表大会或全会格式</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/reasons.py" line="27" />
        <source>an event's {0}</source>
        <translation>会议的{0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/reasons.py" line="28" />
        <source>accepted before as {0}: {1}</source>
        <translation>此前已接受为 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/reasons.py" line="29" />
        <source>place + {0}</source>
        <translation>地名 + {0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/reasons.py" line="30" />
        <source>in 《》</source>
        <translation>书名号内</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/reasons.py" line="31" />
        <source>quoted, then a program word</source>
        <translation>引号内，后接项目词</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/reasons.py" line="32" />
        <source>quoted, ends in a program word</source>
        <translation>引号内，以项目词结尾</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/reasons.py" line="33" />
        <source>quoted, followed by {0}</source>
        <translation>引号内，后接“{0}”</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/reasons.py" line="34" />
        <source>quoted, holds a domain word</source>
        <translation>引号内，含领域词</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/reasons.py" line="35" />
        <source>quoted</source>
        <translation>引号内</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/reasons.py" line="36" />
        <source>unquoted, {0}, extends a known program</source>
        <translation>无引号，{0}，扩展了已知项目</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/reasons.py" line="37" />
        <source>unquoted, {0}</source>
        <translation>无引号，{0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/reasons.py" line="38" />
        <source>ends in a program word</source>
        <translation>以项目词结尾</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/reasons.py" line="39" />
        <source>learned tagger {0}</source>
        <translation>本项目学习的标注器 {0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/reasons.py" line="40" />
        <source>tagger {0}</source>
        <translation>标注器 {0}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/reasons.py" line="41" />
        <source>surname and given name after a title</source>
        <translation>职务后的姓和名</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/reasons.py" line="42" />
        <source>name in a byline</source>
        <translation>署名中的人名</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/reasons.py" line="44" />
        <source>in the catalog</source>
        <translation>目录中已有</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/reasons.py" line="45" />
        <source>a national program (lexicon)</source>
        <translation>全国性项目（词表）</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/reasons.py" line="47" />
        <source>the name of {0}, {1}</source>
        <translation>即 {0} 的名称，{1}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/reasons.py" line="49" />
        <source>an alias of {0}, {1}</source>
        <translation>{0} 的别名，{1}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/reasons.py" line="51" />
        <source>{0} with another ending, {1}</source>
        <translation>{0} 换了结尾，{1}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/reasons.py" line="53" />
        <source>a regional variant: {0}, {1}</source>
        <translation>地区变体：{0}，{1}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/reasons.py" line="54" />
        <source>the place {0} + {1}</source>
        <translation>地名 {0} + {1}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/reasons.py" line="56" />
        <source>{0} with a theme: {1}, {2}</source>
        <translation>{0} 加主题：{1}，{2}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/reasons.py" line="58" />
        <source>similar to {0} ({1} alike), {2}</source>
        <translation>与 {0} 相似（相似度 {1}），{2}</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/reasons.py" line="69" />
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>schema</name>
    <message>
        <location filename="../../src/annotator/gui/models.py" line="63" />
        <source>organizer</source>
        <translation>主办方</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/models.py" line="64" />
        <source>place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/models.py" line="65" />
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/models.py" line="66" />
        <source>category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/models.py" line="67" />
        <source>level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/models.py" line="68" />
        <source>national</source>
        <translation>全国</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/models.py" line="69" />
        <source>provincial</source>
        <translation>省级</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/models.py" line="70" />
        <source>city</source>
        <translation>市级</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/models.py" line="71" />
        <source>county</source>
        <translation>县级</translation>
    </message>
</context>
<context>
    <name>spots</name>
    <message>
        <location filename="../../src/annotator/gui/spots.py" line="32" />
        <source>“{0}” probably was “{1}”: bytes were lost here</source>
        <translation>“{0}”原本可能是“{1}”：此处丢失了字节</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/spots.py" line="35" />
        <source>“{0}” was decoded one byte off; it probably reads “{1}”</source>
        <translation>“{0}”解码错位了一个字节，原文可能是“{1}”</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/spots.py" line="38" />
        <source>“{0}”: a character was cut here, probably one of {1}</source>
        <translation>“{0}”：此处有一个字被截断，可能是 {1} 之一</translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <location filename="../../src/annotator/gui/models.py" line="27" />
        <source>new</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/models.py" line="28" />
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/models.py" line="29" />
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/models.py" line="30" />
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
</context>
<context>
    <name>suggesters</name>
    <message>
        <location filename="../../src/annotator/gui/reasons.py" line="13" />
        <source>jieba</source>
        <translation>结巴分词</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/reasons.py" line="13" />
        <source>lexicon</source>
        <translation>词表</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/reasons.py" line="14" />
        <source>programs</source>
        <translation>项目规则</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/reasons.py" line="14" />
        <source>dates</source>
        <translation>日期规则</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/reasons.py" line="15" />
        <source>learned</source>
        <translation>已学词汇</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/reasons.py" line="15" />
        <source>general</source>
        <translation>通用模型</translation>
    </message>
    <message>
        <location filename="../../src/annotator/gui/reasons.py" line="16" />
        <source>tagger</source>
        <translation>标注器</translation>
    </message>
</context>
</TS>