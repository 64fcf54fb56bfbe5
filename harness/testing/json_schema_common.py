"""What schema_check.py and scan_schema_check.py share: python3-jsonschema (draft 2020-12), reading a
JSON file, a validator for a schema file, and the validation errors as one line each."""

import json
import sys

try:
    from jsonschema import Draft202012Validator, FormatChecker
except ImportError:
    print(
        "libcdiff: error: python3 jsonschema: not installed (or older than 4.0, without draft 2020-12). "
        "Run scripts/setup.sh, which installs python3-jsonschema.",
        file=sys.stderr,
    )
    sys.exit(3)


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def validator(schema_path, format_checker=None):
    schema = load(schema_path)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=format_checker)


def schema_errors(v, doc):
    return [
        "/".join(str(p) for p in e.absolute_path) + ": " + e.message[:300]
        for e in sorted(v.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path)))
    ]
