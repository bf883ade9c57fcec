"""Normalization: raw page bytes to clean text with an exact map back (no Qt)."""

from .alignment import Alignment
from .boilerplate import ExcludedRegion
from .errors import BinaryInput, EmptyInput, InputTooLarge, NormalizeError, UndecodableInput
from .pipeline import VERSION, NormalizedDocument, NormalizeOptions, normalize, normalize_text

__all__ = [
    "Alignment", "BinaryInput", "EmptyInput", "ExcludedRegion", "InputTooLarge", "NormalizeError",
    "NormalizeOptions", "NormalizedDocument", "UndecodableInput", "VERSION", "normalize", "normalize_text",
]
