"""Training data out, annotated data in: the canonical JSONL and the formats
people train with (doccano, Label Studio, spaCy, CLUENER, brat, CoNLL,
Prodigy).  Pure functions over the store with progress callbacks; no Qt."""

from .annotated import Parsed, Problem
from .base import ExportError
from .export import ExportReport, export
from .formats import FORMATS, READABLE
from .importer import AnnotatedImportReport, ChangedWhileReading, Checked, check, detect_format, import_annotated
from .records import SCHEMA_VERSION, ExportOptions, build_record
from .split import SplitError, assign, parse_split

__all__ = [
    "FORMATS", "READABLE", "SCHEMA_VERSION", "AnnotatedImportReport", "ChangedWhileReading", "Checked",
    "ExportError", "ExportOptions", "ExportReport", "Parsed", "Problem", "SplitError", "assign", "build_record",
    "check", "detect_format", "export", "import_annotated", "parse_split",
]
