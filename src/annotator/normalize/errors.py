"""Errors a user can act on: each names what is wrong with the input."""


class NormalizeError(ValueError):
    """The input cannot be turned into a document; the message says why."""


class EmptyInput(NormalizeError):
    pass


class BinaryInput(NormalizeError):
    pass


class UndecodableInput(NormalizeError):
    pass


class InputTooLarge(NormalizeError):
    pass
