"""Plain contract arithmetic: shares of a value, advance left to deduct, over-calls.

No ORM here; the models call these and round money with the currency.
"""


def share(value, percent):
    """``percent`` % of ``value`` (advance, retention), not yet rounded to the currency."""
    if percent < 0 or percent > 100:
        raise ValueError("a percentage lies between 0 and 100")
    return value * percent / 100.0


def advance_deduction(value, percent, advance_left):
    """The advance taken back from an invoice of ``value``: its share, never more than is left."""
    return max(0.0, min(share(value, percent), advance_left))


def over_call(contracted, called_before, asked):
    """Pieces asked beyond the contract (0 when the call-off fits)."""
    return max(0, called_before + asked - contracted)
