"""Project is one facade over the store's parts; its public methods are a contract
with the rest of the application (the window, the session, exchange, suggest)."""

import inspect

from annotator.store import Project

PUBLIC = {
    "accept_suggestions", "add_annotated", "add_attribute_choice", "add_documents", "add_label", "add_link",
    "add_link_type", "add_program_alias", "add_relation", "add_span", "add_spans", "add_suggested_spans", "annotated_documents",
    "attribute_names", "changes", "clear_region", "clear_rejections", "close", "count_documents",
    "create_program", "delete_program", "delete_relation", "delete_span", "delete_spans", "document",
    "document_count", "document_ids", "documents_holding", "document_info", "document_sources", "documents_by_status",
    "export_document", "export_ranges", "find_program", "find_span", "has_relations", "index_text",
    "integrity_check", "iter_export", "iter_export_json", "known_hashes", "label", "label_position", "labels", "learned_entries",
    "link_span", "link_types", "link_types_between", "links_broken_by", "list_documents", "merge_programs",
    "next_document", "occurrence_count", "occurrences", "program", "program_named", "program_place_counts",
    "program_row_count", "program_rows", "program_span_counts", "programs", "programs_by_category", "read_only",
    "region_override", "regions", "reject_suggestions", "rejections", "relation", "relations", "relations_of", "relations_of_spans",
    "region_decisions", "remove_label", "remove_link_type", "remove_program_alias", "rename_program", "restore_regions", "restore_label", "restore_rejections", "same_source", "set_regions", "source_key",
    "schema_version", "set_label_attributes", "set_program_parent", "set_region", "set_setting",
    "set_span_attributes", "set_status", "setting", "span", "spans", "spans_between", "spans_by_label", "spans_with_label", "stats", "store_uncertainty", "suggester_decisions",
    "text", "throughput", "uncertain_spots", "unscored_documents", "unindexed_count", "update_label", "update_span",
}
# Removed in the split as dead code (no caller in src/): the connection as a
# sqlite_utils.Database, and single-item suggestion methods the batch ones repeat.
REMOVED = {"db", "accept_suggestion", "reject_suggestion", "clear_rejection"}


def test_the_public_methods_of_project_are_the_ones_the_application_uses():
    public = {name for name in dir(Project) if not name.startswith("_")}
    assert public == PUBLIC
    assert not public & REMOVED


def test_every_method_reading_or_writing_sorts_sqlite_errors():
    for name in PUBLIC - {"close", "read_only"}:
        assert hasattr(inspect.getattr_static(Project, name), "__wrapped__"), name
