#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""The policy schema, checked by a real JSON Schema validator (Debian's python3-jsonschema).

- the schema is a valid draft 2020-12 schema;
- every shipped and example policy, and what `sendguard policy show` prints, is valid;
- every policy in policyschema/invalid/ is rejected by the schema AND by `sendguard policy lint`,
  so the C++ reader and the schema cannot drift apart unnoticed.

Usage: policyschematest.py SENDGUARD_CLI SOURCE_DIR
"""
import glob
import json
import os
import subprocess
import sys

try:
    import jsonschema
except ImportError:
    sys.exit("FAIL: python3-jsonschema is not installed (scripts/setup installs it)")


def main():
    cli, root = sys.argv[1], sys.argv[2]
    with open(os.path.join(root, "resources", "policy.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    validator_class = jsonschema.Draft202012Validator
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    failures = []

    valid = [os.path.join(root, "resources", "default-policy.json")]
    valid += sorted(glob.glob(os.path.join(root, "examples", "policies", "*.json")))
    for path in valid:
        with open(path, encoding="utf-8") as f:
            errors = list(validator.iter_errors(json.load(f)))
        for error in errors:
            failures.append(f"{path}: schema rejects a shipped policy: {error.json_path}: {error.message}")
        lint = subprocess.run([cli, "policy", "lint", "--date", "2026-11-26", path], capture_output=True, text=True)
        if lint.returncode != 0:
            failures.append(f"{path}: sendguard policy lint rejects a shipped policy:\n{lint.stdout}{lint.stderr}")
        shown = subprocess.run([cli, "policy", "show", "--date", "2026-11-26", "--policy", path],
                               capture_output=True, text=True)
        if shown.returncode != 0:
            failures.append(f"{path}: sendguard policy show failed: {shown.stderr}")
        else:
            for error in validator.iter_errors(json.loads(shown.stdout)):
                failures.append(f"{path}: schema rejects what policy show prints: {error.json_path}: {error.message}")

    # Managed and recommended files are fragments: the schema without its required members.
    fragment_schema = dict(schema)
    fragment_schema.pop("required", None)
    fragment_validator = validator_class(fragment_schema, format_checker=validator_class.FORMAT_CHECKER)
    for path in [os.path.join(root, "resources", "managed-policy.example.json")]:
        with open(path, encoding="utf-8") as f:
            for error in fragment_validator.iter_errors(json.load(f)):
                failures.append(f"{path}: schema rejects the managed example: {error.json_path}: {error.message}")

    invalid = sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), "policyschema", "invalid",
                                            "*.json")))
    if len(invalid) < 30:
        failures.append(f"only {len(invalid)} invalid policies found: the agreement check needs its corpus")
    for path in invalid:
        name = os.path.basename(path)
        with open(path, encoding="utf-8") as f:
            schema_errors = [e.message for e in validator.iter_errors(json.load(f))]
        lint = subprocess.run([cli, "policy", "lint", "--date", "2026-11-26", path], capture_output=True, text=True)
        if not schema_errors:
            failures.append(f"{name}: the schema accepts it, but it is invalid")
        if lint.returncode != 1 or ": error: " not in lint.stdout and ": warning: " not in lint.stdout:
            failures.append(f"{name}: sendguard policy lint accepts it (exit {lint.returncode}): {lint.stdout}")
        print(f"{name}: schema: {len(schema_errors)} error(s); lint: {lint.stdout.strip().splitlines()[0] if lint.stdout.strip() else '(nothing)'}")

    for failure in failures:
        print("FAIL:", failure)
    print(f"{len(valid)} valid and {len(invalid)} invalid policies checked; {len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
