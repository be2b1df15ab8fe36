"""Each sample's record equals its golden file. `make golden` rewrites them; review the diff."""

from __future__ import annotations

import json

import jsonschema
import pytest

from pipeline import json_schema, parse, read, record_from_json, record_to_json
from pipeline.tagger import tag
from tests.conftest import GOLDEN, SAMPLES, sample_id


@pytest.mark.parametrize("sample", SAMPLES, ids=sample_id)
def test_record_matches_golden(sample, update_golden, nlp):
    actual = record_to_json(tag([parse(read(sample))], nlp)[0])
    golden = GOLDEN / f"{sample.stem}.json"
    if update_golden:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert golden.exists(), f"no golden file for {sample.name}: run `make golden`"
    assert actual == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("sample", SAMPLES, ids=sample_id)
def test_record_validates_against_schema(sample, nlp):
    data = json.loads(record_to_json(tag([parse(read(sample))], nlp)[0]))
    jsonschema.validate(data, json_schema())


@pytest.mark.parametrize("sample", SAMPLES, ids=sample_id)
def test_json_round_trip(sample, nlp):
    record = tag([parse(read(sample))], nlp)[0]
    assert record_from_json(record_to_json(record)) == record
