#!/usr/bin/env python3
"""Cuts MongoDB's Atlas Administration API v2 OpenAPI spec down to the third-party integrations.

Keeps the two integrations paths and every component they reference, directly or through other
components (schemas, parameters, responses, headers), plus the spec's info, servers, security and
security schemes. Nothing is edited: what is kept is kept as it is. Output keys are sorted, so the
same input always gives the same file.

    python3 cut_spec.py spec.yaml > atlas-integrations-v2.yaml

Needs PyYAML (Debian: python3-yaml).
"""
import sys

import yaml

PATHS = [
    "/api/atlas/v2/groups/{groupId}/integrations",
    "/api/atlas/v2/groups/{groupId}/integrations/{integrationType}",
]
INFO_KEYS = ["title", "version", "license", "termsOfService", "x-xgen-sha"]


def refs(node, found):
    """Every '#/components/...' reference under node."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith("#/components/"):
                found.add(value)
            else:
                refs(value, found)
    elif isinstance(node, list):
        for item in node:
            refs(item, found)
    return found


def main(source):
    with open(source, encoding="utf-8") as f:
        spec = yaml.safe_load(f)
    paths = {p: spec["paths"][p] for p in PATHS}
    components = {"securitySchemes": spec["components"]["securitySchemes"]}
    pending = refs(paths, set())
    seen = set()
    while pending:
        ref = pending.pop()
        if ref in seen:
            continue
        seen.add(ref)
        _, _, kind, name = ref.split("/", 3)
        node = spec["components"][kind][name]
        components.setdefault(kind, {})[name] = node
        pending |= refs(node, set()) - seen
    cut = {
        "openapi": spec["openapi"],
        "info": {k: spec["info"][k] for k in INFO_KEYS if k in spec["info"]},
        "servers": spec["servers"],
        "security": spec["security"],
        "paths": paths,
        "components": components,
    }
    yaml.safe_dump(cut, sys.stdout, sort_keys=True, allow_unicode=True, width=120)


if __name__ == "__main__":
    main(sys.argv[1])
