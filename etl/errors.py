"""Structural problems that stop one source (validation problems reject rows instead)."""
from __future__ import annotations


class EtlError(Exception):
    """A source or file could not be loaded; the message is one line a person can act on."""


class SourceMissing(EtlError):
    """The raw folder or a source folder is absent."""


class UnreadableFile(EtlError):
    """A file's format or encoding could not be read."""


class SchemaMismatch(EtlError):
    """A file lacks a required column or names one column twice."""
