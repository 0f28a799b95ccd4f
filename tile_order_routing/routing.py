"""Plain routing decisions: which rule an order's customer falls under.

No ORM here: the models turn rules and orders into these small records, tests call
the functions directly. A rule matches when every criterion it has matches (several
values within one criterion are alternatives); a rule without criteria is the
fallback and matches everyone. The first matching rule in sequence order wins.
"""

import re
import unicodedata
from dataclasses import dataclass, field

# Separators between the cities of a rule: commas (also Chinese ， and 、), semicolons,
# slashes, bars and new lines.
_CITY_LIST_SEPARATOR = re.compile(r"[,，、;；/|\n\r]+")
# A partner's city may hold both scripts, as the demo's "佛山市 Foshan": each part counts.
_SCRIPT_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+|[^\u3400-\u9fff\uf900-\ufaff]+")
# "佛山市" is "佛山", "Foshan City" is "Foshan": people write both.
_CITY_SUFFIXES = ("city", "市")


def normalize_city(name):
    """A city name folded for comparison: width, case, spaces, dashes and a 市/City suffix."""
    folded = unicodedata.normalize("NFKC", name or "").casefold()
    folded = re.sub(r"[\s\-_.·()（）]+", "", folded)
    for suffix in _CITY_SUFFIXES:
        if folded.endswith(suffix) and len(folded) > len(suffix):
            folded = folded[: -len(suffix)]
    return folded


def parse_cities(text):
    """The normalized cities of a rule's list ("Foshan, 佛山市、Guangzhou")."""
    return frozenset(filter(None, (normalize_city(part) for part in _CITY_LIST_SEPARATOR.split(text or ""))))


def city_keys(city):
    """Names a partner's city answers to: the whole of it and each run of one script."""
    keys = {normalize_city(city)}
    keys.update(normalize_city(run) for run in _SCRIPT_RUN.findall(city or ""))
    keys.update(normalize_city(part) for part in _CITY_LIST_SEPARATOR.split(city or ""))
    keys.discard("")
    return keys


@dataclass(frozen=True)
class Rule:
    """A routing rule's criteria; empty sets and 'any' mean the criterion is not used."""

    key: object = None
    state_ids: frozenset = field(default_factory=frozenset)
    cities: frozenset = field(default_factory=frozenset)
    category_ids: frozenset = field(default_factory=frozenset)
    partner_kind: str = "any"  # 'any', 'company' or 'person'
    order_kind: str = "any"  # 'any', 'retail' or 'project'

    @property
    def is_fallback(self):
        return not (
            self.state_ids
            or self.cities
            or self.category_ids
            or self.partner_kind != "any"
            or self.order_kind != "any"
        )


@dataclass(frozen=True)
class Customer:
    """What the rules look at on an order: its address, the customer and the order type."""

    state_id: object = None
    city: str = ""
    category_ids: frozenset = field(default_factory=frozenset)
    is_company: bool = False
    is_project: bool = False


def matched_criteria(rule, customer):
    """The criteria of ``rule`` met by ``customer`` ('province', 'city', 'tag', 'kind',
    'order'), [] for the fallback, or None when one of them is not met."""
    met = []
    if rule.state_ids:
        if customer.state_id not in rule.state_ids:
            return None
        met.append("province")
    if rule.cities:
        if not rule.cities & city_keys(customer.city):
            return None
        met.append("city")
    if rule.category_ids:
        if not rule.category_ids & customer.category_ids:
            return None
        met.append("tag")
    if rule.partner_kind != "any":
        if (rule.partner_kind == "company") != bool(customer.is_company):
            return None
        met.append("kind")
    if rule.order_kind != "any":
        if (rule.order_kind == "project") != bool(customer.is_project):
            return None
        met.append("order")
    return met


def first_match(rules, customer):
    """(rule, criteria met) of the first rule in ``rules`` matching ``customer``, or (None, None)."""
    for rule in rules:
        met = matched_criteria(rule, customer)
        if met is not None:
            return rule, met
    return None, None
