"""Reading and writing files: scenarios, signed edge lists, exports, merges, and atomic output.

Every YAML file the package reads (scenarios, fragments, risk models, actor mappings)
goes through one strict reader (:class:`StrictYamlReader`): safe loader only, problems
with their ``file:line``, all of them at once. Every file the package writes goes
through :func:`atomic_path`: a temporary file in the same folder, then a rename, so an
output is never left half-written.
"""

from .._checks import source_id_problem
from ._dump import dump, dumps
from ._edgelist import read_signed_csv
from ._export import EXPORT_FORMATS, export, to_node_link
from ._files import YAML_FORMATS, atomic_path, output_format, write_text_atomic
from ._merge import MergeResult, merge_files, merge_relations
from ._scenario import SUPPORTED_VERSIONS, ScenarioReader, load, loads
from ._schema import mapping_schema, scenario_schema, schema_text
from ._textfile import DEFAULT_MAX_FILE_MB, MAX_FILE_ENV, decode_text, max_file_bytes, read_text_file
from ._yaml import (
    BOOL,
    DATE,
    FLOAT,
    INT,
    MAX_DEPTH,
    NULL,
    STR,
    StrictYamlReader,
    a_phrase,
    construct,
    describe,
    is_blank,
    is_null,
)

__all__ = [
    "BOOL",
    "DATE",
    "DEFAULT_MAX_FILE_MB",
    "EXPORT_FORMATS",
    "FLOAT",
    "INT",
    "MAX_DEPTH",
    "MAX_FILE_ENV",
    "NULL",
    "STR",
    "SUPPORTED_VERSIONS",
    "YAML_FORMATS",
    "MergeResult",
    "ScenarioReader",
    "StrictYamlReader",
    "a_phrase",
    "atomic_path",
    "construct",
    "decode_text",
    "describe",
    "dump",
    "dumps",
    "export",
    "is_blank",
    "is_null",
    "load",
    "loads",
    "max_file_bytes",
    "merge_files",
    "merge_relations",
    "output_format",
    "read_signed_csv",
    "read_text_file",
    "mapping_schema",
    "scenario_schema",
    "schema_text",
    "source_id_problem",
    "to_node_link",
    "write_text_atomic",
]
