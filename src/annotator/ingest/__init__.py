"""Getting documents into a project: files and folders, normalized in worker
processes, stored in batches.  No Qt."""

from .importer import ImportReport, import_paths, index_for_search
from .sources import Duplicate, Rejected, Task, expand, run_task

__all__ = ["Duplicate", "ImportReport", "Rejected", "Task", "expand", "import_paths", "index_for_search", "run_task"]
