"""Plain decisions of the order review: which rules an order breaks.

No ORM here. The order model gathers an order's facts (OrderFacts) and the
company's rules (RuleFacts); ``breaches`` says which rules are broken and why,
each breach with a key that names exactly what was approved, so that an
approval still holds when the same order is confirmed again, and a changed
price, discount or amount asks again.
"""

from dataclasses import dataclass, field

FLOOR = "floor_price"
DISCOUNT = "discount"
CREDIT = "credit_limit"
OVERDUE = "overdue"
SHADE = "shade_override"
SIZE = "order_size"


@dataclass(frozen=True)
class LineFacts:
    line_id: int
    product_tmpl_id: int
    series_id: int
    m2: float
    # Net price per m² after discount, in the company currency (0 for lines without m²).
    price_m2: float
    discount: float


@dataclass(frozen=True)
class OrderFacts:
    lines: tuple
    salesperson_group_ids: frozenset
    partner_category_ids: frozenset = frozenset()
    m2: float = 0.0
    # Untaxed and total amounts in the company currency.
    amount: float = 0.0
    credit_warning: str = ""
    overdue_amounts: dict = field(default_factory=dict)
    mixes_shades: bool = False
    split_reason: str = ""


@dataclass(frozen=True)
class RuleFacts:
    rule_id: int
    rule_type: str
    product_tmpl_id: int = 0
    series_id: int = 0
    floor_price_m2: float = 0.0
    group_id: int = 0
    max_discount: float = 0.0
    overdue_days: int = 0
    overdue_min_amount: float = 0.0
    min_m2: float = 0.0
    min_amount: float = 0.0
    partner_category_ids: frozenset = frozenset()


@dataclass(frozen=True)
class Breach:
    rule_id: int
    key: str
    # What the message needs: figures, the line, the limit.
    line_id: int = 0
    value: float = 0.0
    limit: float = 0.0
    text: str = ""


def _applies(rule, order):
    """A rule limited to customer tags applies only to customers with one of them."""
    return not rule.partner_category_ids or bool(rule.partner_category_ids & order.partner_category_ids)


def floor_breaches(order, rules):
    """Lines sold below their floor price per m²; a product's floor wins over its series'."""
    by_product, by_series = {}, {}
    for rule in rules:
        if rule.rule_type != FLOOR or not _applies(rule, order):
            continue
        if rule.product_tmpl_id:
            by_product[rule.product_tmpl_id] = rule
        elif rule.series_id:
            # Two floors for one series: the higher one protects the margin.
            known = by_series.get(rule.series_id)
            if not known or rule.floor_price_m2 > known.floor_price_m2:
                by_series[rule.series_id] = rule
    if not by_product and not by_series:
        return []
    found = []
    for line in order.lines:
        if line.m2 <= 0:
            continue
        rule = by_product.get(line.product_tmpl_id) or by_series.get(line.series_id)
        # Half a cent of rounding is not a price below the floor.
        if rule and line.price_m2 < rule.floor_price_m2 - 0.005:
            price = round(line.price_m2, 2)
            found.append(
                Breach(
                    rule.rule_id,
                    f"{FLOOR}:{line.line_id}:{price:.2f}",
                    line.line_id,
                    price,
                    rule.floor_price_m2,
                )
            )
    return found


def discount_breaches(order, rules):
    """Lines whose discount is above the most generous limit of the salesperson's groups.

    A salesperson in none of the rules' groups has no limit from these rules.
    """
    limits = [
        rule
        for rule in rules
        if rule.rule_type == DISCOUNT
        and rule.group_id in order.salesperson_group_ids
        and _applies(rule, order)
    ]
    if not limits:
        return []
    rule = max(limits, key=lambda r: r.max_discount)
    return [
        Breach(
            rule.rule_id,
            f"{DISCOUNT}:{line.line_id}:{line.discount:.2f}",
            line.line_id,
            line.discount,
            rule.max_discount,
        )
        for line in order.lines
        if line.discount > rule.max_discount + 1e-6
    ]


def credit_breaches(order, rules):
    """Over the customer's credit limit, as Odoo itself words it."""
    return [
        Breach(rule.rule_id, f"{CREDIT}:{order.amount:.2f}", text=order.credit_warning)
        for rule in rules
        if rule.rule_type == CREDIT and order.credit_warning and _applies(rule, order)
    ]


def overdue_breaches(order, rules):
    """Receivables overdue by more than the rule's days, above its amount."""
    found = []
    for rule in rules:
        if rule.rule_type != OVERDUE or not _applies(rule, order):
            continue
        overdue = order.overdue_amounts.get(rule.overdue_days, 0.0)
        if overdue > rule.overdue_min_amount and overdue > 0.005:
            found.append(
                Breach(rule.rule_id, f"{OVERDUE}:{rule.overdue_days}", value=overdue, limit=rule.overdue_days)
            )
    return found


def shade_breaches(order, rules):
    """The order asks to mix shade groups (a shade override, with its reason)."""
    if not order.mixes_shades:
        return []
    return [
        Breach(rule.rule_id, f"{SHADE}:{order.split_reason.strip()}", text=order.split_reason.strip())
        for rule in rules
        if rule.rule_type == SHADE and _applies(rule, order)
    ]


def size_breaches(order, rules):
    """Orders at or above a size threshold, in m² or in amount."""
    found = []
    for rule in rules:
        if rule.rule_type != SIZE or not _applies(rule, order):
            continue
        if rule.min_m2 and order.m2 >= rule.min_m2:
            found.append(Breach(rule.rule_id, f"{SIZE}:m2:{order.m2:.2f}", value=order.m2, limit=rule.min_m2))
        elif rule.min_amount and order.amount >= rule.min_amount:
            found.append(
                Breach(
                    rule.rule_id,
                    f"{SIZE}:amount:{order.amount:.2f}",
                    value=order.amount,
                    limit=rule.min_amount,
                )
            )
    return found


CHECKS = (floor_breaches, discount_breaches, credit_breaches, overdue_breaches, shade_breaches, size_breaches)


def breaches(order, rules):
    """Every breach of ``rules`` (RuleFacts) by ``order`` (OrderFacts), in rule-type order."""
    found = []
    for check in CHECKS:
        found.extend(check(order, rules))
    return found


def pending(found, approved_keys):
    """The breaches nobody has approved yet; the order goes through when this is empty."""
    return [breach for breach in found if breach.key not in approved_keys]
