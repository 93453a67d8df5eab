"""Estimative language: the ICD 203 and UK yardstick scales, confidence and diagnosticity."""

from __future__ import annotations

import pytest

from briefing_app.model.errors import ValidationError
from briefing_app.model.estimative import (
    CONFIDENCE_LEVELS,
    DEFAULT_SCALE,
    DIAGNOSTICITY,
    ICD203,
    UK_YARDSTICK,
    check_confidence,
    check_diagnosticity,
    get_scale,
)


def test_icd_203_terms_bands_and_synonyms_in_order():
    rows = [(t.term, t.band, t.synonym) for t in ICD203.terms]
    assert rows == [
        ("almost no chance", "1-5%", "remote"),
        ("very unlikely", "5-20%", "highly improbable"),
        ("unlikely", "20-45%", "improbable"),
        ("roughly even chance", "45-55%", "roughly even odds"),
        ("likely", "55-80%", "probable"),
        ("very likely", "80-95%", "highly probable"),
        ("almost certain", "95-99%", "nearly certain"),
    ]


def test_icd_203_is_the_default_scale():
    assert DEFAULT_SCALE == "icd203"
    assert get_scale(DEFAULT_SCALE) is ICD203


def test_uk_yardstick_terms_and_bands_in_order():
    rows = [(t.term, t.band) for t in UK_YARDSTICK.terms]
    assert rows == [
        ("remote chance", "≤5%"),
        ("highly unlikely", "10-20%"),
        ("unlikely", "25-35%"),
        ("realistic possibility", "40-50%"),
        ("likely", "55-75%"),
        ("highly likely", "80-90%"),
        ("almost certain", "≥95%"),
    ]
    assert all(t.synonym is None for t in UK_YARDSTICK.terms)


def test_every_synonym_normalises_to_its_canonical_term():
    for term in ICD203.terms:
        assert ICD203.normalise(term.synonym) == term.term
        assert ICD203.normalise(term.synonym.upper()) == term.term
        assert ICD203.normalise(term.term) == term.term


def test_hyphens_and_extra_spaces_do_not_matter():
    assert ICD203.normalise("Highly-Probable") == "very likely"
    assert ICD203.normalise("  roughly   even   chance ") == "roughly even chance"


def test_an_unknown_term_is_refused_listing_the_scale():
    with pytest.raises(ValidationError) as caught:
        ICD203.normalise("perhaps", "$.x.likelihood")
    assert caught.value.path == "$.x.likelihood"
    assert "ICD 203 scale" in caught.value.message
    assert "almost no chance" in caught.value.message


def test_the_scales_do_not_mix():
    with pytest.raises(ValidationError):
        UK_YARDSTICK.normalise("probable")  # an ICD 203 synonym
    with pytest.raises(ValidationError):
        ICD203.normalise("realistic possibility")


def test_all_words_lists_terms_then_synonyms():
    assert ICD203.all_words()[:7] == ICD203.canonical_terms()
    assert ICD203.all_words()[7:] == [t.synonym for t in ICD203.terms]
    assert UK_YARDSTICK.all_words() == UK_YARDSTICK.canonical_terms()


@pytest.mark.parametrize(
    ("icd", "uk"),
    [
        ("almost no chance", "remote chance"),
        ("very unlikely", "highly unlikely"),
        ("unlikely", "unlikely"),
        ("roughly even chance", "realistic possibility"),
        ("likely", "likely"),
        ("very likely", "highly likely"),
        ("almost certain", "almost certain"),
    ],
)
def test_nearest_maps_each_rung_to_the_rung_of_the_other_scale_and_back(icd, uk):
    assert UK_YARDSTICK.nearest(ICD203.lookup(icd)).term == uk
    assert ICD203.nearest(UK_YARDSTICK.lookup(uk)).term == icd


def test_nearest_on_the_same_scale_is_the_identity():
    for term in ICD203.terms:
        assert ICD203.nearest(term) is term


def test_an_unknown_scale_is_refused():
    with pytest.raises(ValidationError) as caught:
        get_scale("kent")
    assert caught.value.path == "scale"
    assert "icd203, uk-yardstick" in caught.value.message


def test_confidence_levels_are_low_moderate_high():
    assert CONFIDENCE_LEVELS == ("low", "moderate", "high")
    assert check_confidence(" High ") == "high"
    with pytest.raises(ValidationError) as caught:
        check_confidence("medium")
    assert caught.value.path == "confidence"
    assert "low, moderate or high" in caught.value.message


def test_diagnosticity_ratings_and_their_normalisation():
    assert DIAGNOSTICITY == ("highly likely", "likely", "could", "unlikely", "highly unlikely")
    assert check_diagnosticity("Highly-Likely") == "highly likely"
    with pytest.raises(ValidationError) as caught:
        check_diagnosticity("certain", "$.d")
    assert caught.value.path == "$.d"
