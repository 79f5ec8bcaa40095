"""Exports in the formats analysts load into their own tools: CSV, JSON lines, Parquet, PLOVER/POLECAT, GeoJSON."""

from flashpoint.export.run import EXPORTS, FORMATS, ExportError, export

__all__ = ["EXPORTS", "FORMATS", "ExportError", "export"]
