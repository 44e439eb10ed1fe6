"""Export and import formats: native JSONL (with a JSON Schema), Prodigy, doccano, brat,
Label Studio and W3C Web Annotation. Pure functions over native records, except `import_native`,
which merges native lines into a store."""

from annotations.exchange.brat import annotation_conf, to_brat
from annotations.exchange.doccano import from_doccano, to_doccano
from annotations.exchange.export import (
    FORMATS,
    ExportReport,
    native_records,
    write_brat,
    write_export,
)
from annotations.exchange.from_database import is_database
from annotations.exchange.importing import (
    IMPORT_FORMATS,
    ConversionError,
    ImportReport,
    import_database,
    import_native,
    to_native_lines,
)
from annotations.exchange.labelstudio import LABEL_CONFIG, to_labelstudio
from annotations.exchange.native import (
    NATIVE_SCHEMA_ID,
    NATIVE_SCHEMA_VERSION,
    json_schema,
    native_record,
    select,
)
from annotations.exchange.native_reading import ReadLine, from_native, imported_id
from annotations.exchange.prodigy import from_prodigy, to_prodigy
from annotations.exchange.w3c import to_w3c

__all__ = [
    "FORMATS",
    "IMPORT_FORMATS",
    "LABEL_CONFIG",
    "NATIVE_SCHEMA_ID",
    "NATIVE_SCHEMA_VERSION",
    "ConversionError",
    "ExportReport",
    "ImportReport",
    "ReadLine",
    "annotation_conf",
    "from_doccano",
    "from_native",
    "from_prodigy",
    "import_database",
    "import_native",
    "imported_id",
    "is_database",
    "json_schema",
    "native_record",
    "native_records",
    "select",
    "to_brat",
    "to_doccano",
    "to_labelstudio",
    "to_native_lines",
    "to_prodigy",
    "to_w3c",
    "write_brat",
    "write_export",
]
