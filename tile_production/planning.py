"""Finite-capacity planning of tile runs on press, glaze, kiln, sorting and packing lines.

No ORM here. The models turn manufacturing orders into Runs and work centres into
Resources, call plan() and write the Plan's dates back; tests call plan() directly.

A run is one product: one format ("600×600"), maybe a glaze or colour, an area in m²
and a deadline. It passes the stages of its route in order (press, glaze line, kiln,
sorting, packing), each on one resource chosen among alternatives. A resource makes a
format at so many m² per working day, loses hours when the format changes (moulds,
kiln curve) and usually fewer when only the glaze changes, may need a minimum batch (a
kiln is not fired for less) and works to a calendar.

A heuristic, not an optimiser: runs are taken by due date, each on the press line where
it finishes first; a line then pulls a later run of the format it just made forward
when that saves a changeover and every run involved stays on time. When capacity is
short the plan stays in due-date order and says which runs are late and by how much.
Datetimes are naive UTC.
"""

import heapq
import math
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, time, timedelta
from itertools import pairwise

# How many later runs a line looks through for one of the format it just made.
LOOKAHEAD = 32
_EPS = 1e-9  # hours: float dust, far below a second
_HOUR = timedelta(hours=1)


def _number(value, what, positive=False):
    """``value`` as a float; ValueError when it is not a finite number >= 0 (> 0 if ``positive``)."""
    ok = isinstance(value, int | float) and math.isfinite(value) and (value > 0 if positive else value >= 0)
    if not ok:
        kind = "positive" if positive else "non-negative"
        raise ValueError(f"{what} must be a {kind} number, not {value!r}")
    return float(value)


def _rank(key):
    # Ties break on the key; keys of different types (ids, codes) still sort.
    return (type(key).__name__, key)


def _at(day, hours):
    return datetime.combine(day, time.min) + timedelta(hours=hours)


@dataclass(frozen=True)
class Calendar:
    """When a resource works.

    ``intervals``: (weekday, start hour, end hour), weekday 0 = Monday, hours 0-24
    (an interval ending at 24 runs on into one starting at 0 the next day);
    ``holidays``: dates without work; ``hours_per_day``: the hours a rate "per day"
    refers to, by default the average of the working days (24 round the clock).
    """

    intervals: tuple
    holidays: frozenset = frozenset()
    hours_per_day: float | None = None
    _days: tuple = field(init=False, repr=False, compare=False)  # per weekday: merged (start, end)
    _week: float = field(init=False, repr=False, compare=False)  # working hours of a week
    _day: float = field(init=False, repr=False, compare=False)
    _off: tuple = field(init=False, repr=False, compare=False)  # holidays as sorted ordinals
    _always: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        spans = [[] for _day in range(7)]
        for item in self.intervals:
            weekday, begin, end = item
            begin = _number(begin, "the start hour of a working interval")
            end = _number(end, "the end hour of a working interval")
            if weekday not in range(7) or end > 24 or begin >= end:
                raise ValueError(f"working interval {item!r} is not (weekday 0-6, start, end) within 0-24 h")
            spans[int(weekday)].append((begin, end))
        days = []
        for day_spans in spans:
            merged = []
            for begin, end in sorted(day_spans):
                if merged and begin <= merged[-1][1]:
                    merged[-1] = (merged[-1][0], max(merged[-1][1], end))
                else:
                    merged.append((begin, end))
            days.append(tuple(merged))
        totals = [sum(end - begin for begin, end in day) for day in days]
        week = sum(totals)
        if week <= _EPS:
            raise ValueError("the calendar has no working time")
        per_day = self.hours_per_day
        if per_day is not None and (_number(per_day, "hours per day", positive=True) > 24):
            raise ValueError(f"hours per day must be at most 24, not {per_day!r}")
        holidays = frozenset(d.date() if isinstance(d, datetime) else d for d in self.holidays)
        setter = object.__setattr__  # frozen: derived tables are set once, here
        setter(self, "intervals", tuple(tuple(item) for item in self.intervals))
        setter(self, "holidays", holidays)
        setter(self, "_days", tuple(days))
        setter(self, "_week", week)
        setter(self, "_day", float(per_day) if per_day else week / sum(1 for t in totals if t > 0))
        setter(self, "_off", tuple(sorted(d.toordinal() for d in holidays)))
        setter(self, "_always", not holidays and all(day == ((0.0, 24.0),) for day in days))

    @classmethod
    def always(cls):
        """Round the clock, every day; a day's rate is 24 hours' work."""
        return cls(tuple((day, 0.0, 24.0) for day in range(7)), hours_per_day=24.0)

    def day_hours(self):
        """The working hours that a rate per day refers to."""
        return self._day

    def week_hours(self):
        return self._week

    def next_working(self, moment):
        """The first working moment at or after ``moment`` (the end of an interval is not one)."""
        if self._always:
            return moment
        day = moment.date()
        pos = (moment - datetime.combine(day, time.min)) / _HOUR
        for _step in range(len(self._off) + 8):
            if day not in self.holidays:
                for begin, end in self._days[day.weekday()]:
                    if end > pos:
                        return moment if pos >= begin else _at(day, begin)
            day += timedelta(days=1)
            pos, moment = 0.0, _at(day, 0.0)
        raise ValueError("the calendar has no working time")  # unreachable: the week has some

    def add_hours(self, moment, hours):
        """The moment ``hours`` of working time after ``moment`` are done.

        Non-working time is skipped. Whole weeks before the next holiday are jumped at
        once, so a long job costs a few steps, not one per day or hour.
        """
        if not math.isfinite(hours) or hours < 0:
            raise ValueError(f"working hours must be a non-negative number, not {hours!r}")
        if hours <= _EPS:
            return moment
        if self._always:
            return moment + timedelta(hours=hours)
        moment = self.next_working(moment)
        day, left = moment.date(), hours
        pos = (moment - datetime.combine(day, time.min)) / _HOUR
        while True:
            if pos == 0.0 and left > self._week:
                weeks = int(left // self._week)
                if left - weeks * self._week <= _EPS:
                    weeks -= 1  # finish inside the last week, at the end of its last interval
                nxt = bisect_left(self._off, day.toordinal())
                if nxt < len(self._off):
                    weeks = min(weeks, (self._off[nxt] - day.toordinal()) // 7)
                day += timedelta(days=7 * weeks)
                left -= weeks * self._week
            if day not in self.holidays:
                for begin, end in self._days[day.weekday()]:
                    if end <= pos:
                        continue
                    begin = max(begin, pos)
                    if left <= end - begin + _EPS:
                        return _at(day, min(end, begin + left))
                    left -= end - begin
            day += timedelta(days=1)
            pos = 0.0


@dataclass(frozen=True)
class Resource:
    """A work centre: press line, glaze line, kiln, sorting or packing line.

    ``rates``: format -> m² per working day (a format not listed cannot be made here);
    ``changeover_hours`` when the format changes from the previous run;
    ``glaze_changeover_hours`` when the format stays and the run brings another glaze;
    ``min_batch_m2``: runs of one format in a row are topped up to at least this.
    """

    key: object
    rates: Mapping
    changeover_hours: float = 0.0
    glaze_changeover_hours: float = 0.0
    min_batch_m2: float = 0.0
    calendar: Calendar = field(default_factory=Calendar.always)

    def hours(self, fmt, m2):
        """Working hours to make ``m2`` m² of ``fmt``."""
        return m2 / self.rates[fmt] * self.calendar.day_hours()

    def setup(self, prev, fmt, glaze):
        """Changeover hours before ``fmt``/``glaze`` after ``prev`` ((format, glaze), None: idle)."""
        if prev is None:
            return 0.0
        if prev[0] != fmt:
            return self.changeover_hours
        return self.glaze_changeover_hours if glaze and glaze != prev[1] else 0.0


@dataclass(frozen=True)
class Run:
    """A manufacturing order to plan.

    ``stages``: per stage of the route, in order, the keys of the resources that may do
    it. ``pinned_start``: the first stage starts then, or as soon after as its line is
    free (a run dragged on the board, or one already started); ``pinned_resource``: the
    first-stage resource the run must use.
    """

    key: object
    fmt: str
    m2: float
    due: datetime
    stages: tuple
    glaze: str | None = None
    pinned_start: datetime | None = None
    pinned_resource: object = None


@dataclass
class Slot:
    """One stage of one run on one resource. ``setup_hours``: the changeover done on the
    resource before ``start``; ``m2``: the area processed, more than the run's when topped
    up to the resource's minimum batch (``padded_m2`` is the difference)."""

    run_key: object
    stage: int
    resource_key: object
    start: datetime
    finish: datetime
    setup_hours: float
    m2: float
    fmt: str
    glaze: str | None = None
    padded_m2: float = 0.0
    ready: datetime | None = None  # the earliest start: previous stage done, the pin, the plan's start


@dataclass
class Plan:
    """The result: ``slots`` per run key (by stage), ``lines`` per resource key (by time)."""

    runs: dict
    slots: dict
    lines: dict

    def run_slots(self, key):
        return self.slots[key]

    def resource_slots(self, key):
        return self.lines.get(key, [])

    def finish(self, key):
        """When the run's last stage is done."""
        return self.slots[key][-1].finish

    def late_hours(self, key):
        """How many hours after its due date the run is done (0 when on time)."""
        return round(max(0.0, (self.finish(key) - self.runs[key].due) / _HOUR), 2)

    def late_runs(self):
        """[(run key, hours late)], the latest first."""
        late = ((key, self.late_hours(key)) for key in self.slots)
        return sorted(((key, hours) for key, hours in late if hours > 0), key=lambda x: (-x[1], _rank(x[0])))

    def padded_runs(self):
        """[(run key, m²)] topped up to a minimum batch, by the largest top-up of the run."""
        padded = ((key, max(slot.padded_m2 for slot in slots)) for key, slots in self.slots.items())
        return [(key, m2) for key, m2 in padded if m2 > 0]

    def changeovers(self, resource_key):
        return sum(1 for slot in self.resource_slots(resource_key) if slot.setup_hours > 0)


class _Line:
    """A resource while planning: when it is free, what it made last, its campaign so far."""

    def __init__(self, resource, start):
        self.res, self.cal, self.free, self.last, self.slots = resource, resource.calendar, start, None, []
        self.campaign = 0.0  # m² of the runs of one format in a row, up to now
        self.pins = []  # pinned runs still to place, the next one last
        self._padded = None  # (m², finish) of the last slot topped up, while it is the last

    def _short(self, fmt):
        # The campaign ends when the format changes (fmt None: the plan ends).
        return (
            self.last is not None
            and (fmt is None or self.last[0] != fmt)
            and self.campaign < self.res.min_batch_m2 - _EPS
        )

    def _topped_up(self):
        if self._padded is None:
            slot = self.slots[-1]
            m2 = slot.m2 + self.res.min_batch_m2 - self.campaign
            self._padded = (m2, self.cal.add_hours(slot.start, self.res.hours(slot.fmt, m2)))
        return self._padded

    def offer(self, run, ready):
        """(start, finish, setup hours) of ``run`` next on this line, not before ``ready``."""
        free = self._topped_up()[1] if self._short(run.fmt) else self.free
        setup = self.res.setup(self.last, run.fmt, run.glaze)
        start = self.cal.next_working(max(ready, self.cal.add_hours(free, setup)))
        return start, self.cal.add_hours(start, self.res.hours(run.fmt, run.m2)), setup

    def take(self, run, stage, ready):
        start, finish, setup = self.offer(run, ready)
        self.close(run.fmt)
        if self.last is None or self.last[0] != run.fmt:
            self.campaign = 0.0
        self.campaign += run.m2
        slot = Slot(
            run.key, stage, self.res.key, start, finish, setup, run.m2, run.fmt, run.glaze, ready=ready
        )
        self.slots.append(slot)
        self.free, self.last, self._padded = finish, (run.fmt, run.glaze), None
        return slot

    def close(self, fmt=None):
        """Top up the campaign if ``fmt`` (None: nothing) ends it below the minimum batch."""
        if self._short(fmt):
            slot = self.slots[-1]
            m2, slot.finish = self._topped_up()
            slot.padded_m2, slot.m2, self.free = m2 - slot.m2, m2, slot.finish
            self.campaign = self.res.min_batch_m2

    def fits(self, run, ready):
        """Whether ``run`` and the changeover after it end before the next pinned run starts."""
        if not self.pins:
            return True
        pin = self.pins[-1]
        finish = self.offer(run, ready)[1]
        after = self.res.setup((run.fmt, run.glaze), pin.fmt, pin.glaze)
        return self.cal.add_hours(finish, after) <= pin.pinned_start

    def flush(self, run, ready):
        """Place the pinned runs that ``run`` (None: any run) does not fit before."""
        while self.pins and (run is None or not self.fits(run, ready)):
            pin = self.pins.pop()
            self.take(pin, 0, pin.pinned_start)


def _check(runs, resources):
    """{resource key: Resource}, {run key: per stage the keys that make its format}."""
    table = {}
    for res in resources:
        name = f"work centre {res.key!r}"
        if res.key in table:
            raise ValueError(f"{name} is given twice")
        for fmt, rate in res.rates.items():
            _number(rate, f"the rate of {fmt} on {name}", positive=True)
        _number(res.changeover_hours, f"the changeover hours of {name}")
        _number(res.glaze_changeover_hours, f"the glaze changeover hours of {name}")
        _number(res.min_batch_m2, f"the minimum batch of {name}")
        table[res.key] = res
    choices = {}
    for run in runs:
        name = f"run {run.key!r}"
        if run.key in choices:
            raise ValueError(f"{name} is given twice")
        _number(run.m2, f"the area (m²) of {name}", positive=True)
        for moment in (run.due, run.pinned_start or run.due):
            if not isinstance(moment, datetime):
                raise ValueError(f"{name}: {moment!r} is not a date and time")
        if not run.stages:
            raise ValueError(f"{name} has no stages")
        choice = []
        for number, keys in enumerate(run.stages, 1):
            for key in keys:
                if key not in table:
                    raise ValueError(f"{name}: stage {number} names unknown work centre {key!r}")
            able = tuple(key for key in keys if run.fmt in table[key].rates)
            if not able:
                names = ", ".join(map(str, keys)) or "none"
                raise ValueError(f"{name}: no work centre of stage {number} ({names}) makes {run.fmt}")
            choice.append(able)
        if run.pinned_resource is not None:
            if run.pinned_resource not in choice[0]:
                where = run.pinned_resource
                raise ValueError(f"{name} is pinned to {where!r}, which cannot do its first stage")
            choice[0] = (run.pinned_resource,)
        choices[run.key] = choice
    return table, choices


def _downstream(run, choice, table):
    # Later stages at the fastest alternative's pace, stretched by its calendar: an estimate.
    hours = sum(
        min(table[key].hours(run.fmt, run.m2) * 168.0 / table[key].calendar.week_hours() for key in keys)
        for keys in choice[1:]
    )
    return timedelta(hours=hours)


def _on_time(line, runs, taken, pos, pull, start, downstream):
    """Whether putting ``runs[pull]`` next keeps it and every run it jumps over on time."""
    run = runs[pull]
    if not line.fits(run, start):
        return False
    end = line.offer(run, start)[1]
    if end + downstream[run.key] > run.due:
        return False
    prev = (run.fmt, run.glaze)
    for index in range(pos, pull):
        if taken[index]:
            continue
        run = runs[index]
        hours = line.res.setup(prev, run.fmt, run.glaze) + line.res.hours(run.fmt, run.m2)
        end = line.cal.add_hours(end, hours)
        if end + downstream[run.key] > run.due:
            return False
        prev = (run.fmt, run.glaze)
    return True


def _pull(line, runs, taken, pos, start, lookahead, downstream):
    """Index of a later run to put next instead of ``runs[pos]`` (None: keep the order).

    Looks at the next ``lookahead`` runs for one needing less changeover than the next
    one (the format just made, the same glaze first) that everyone can afford."""
    natural = line.res.setup(line.last, runs[pos].fmt, runs[pos].glaze)
    if natural <= 0:
        return None
    candidates = {}  # changeover -> first index needing it
    for index in range(pos + 1, min(len(runs), pos + 1 + lookahead)):
        if not taken[index]:
            setup = line.res.setup(line.last, runs[index].fmt, runs[index].glaze)
            if setup < natural:
                candidates.setdefault(setup, index)
    for _setup, index in sorted(candidates.items()):
        if _on_time(line, runs, taken, pos, index, start, downstream):
            return index
    return None


def _sequence(line, runs, start, lookahead, downstream):
    """Place ``runs`` (due-date order) and the line's pinned runs on a first-stage line."""
    taken, pos = [False] * len(runs), 0
    while pos < len(runs):
        line.flush(runs[pos], start)
        index = None
        if lookahead and line.last is not None:
            index = _pull(line, runs, taken, pos, start, lookahead, downstream)
        index = pos if index is None else index
        line.take(runs[index], 0, start)
        taken[index] = True
        while pos < len(runs) and taken[pos]:
            pos += 1
    line.flush(None, start)


def _fastest(lines, keys, run, ready):
    """The key of the line among ``keys`` where ``run`` would finish first (the first on a tie)."""
    best = None
    for key in keys:
        finish = lines[key].offer(run, ready)[1]
        if best is None or finish < best[0]:
            best = (finish, key)
    return best[1]


def _retime(table, lines, slots, start):
    """Every slot timed again along the sequences found, predecessors first.

    A campaign's top-up is known only when the campaign ends, after the run's later
    stages may have been placed; this moves them (and what follows them) to fit."""
    after, waiting, prev_on_line = {}, {}, {}
    for seq in [*lines, *slots.values()]:
        for first, second in pairwise(seq):
            after.setdefault(id(first), []).append(second)
            waiting[id(second)] = waiting.get(id(second), 0) + 1
    for seq in lines:
        prev_on_line.update((id(second), first) for first, second in pairwise(seq))
    todo = [seq[0] for seq in slots.values() if not waiting.get(id(seq[0]))]
    while todo:
        slot = todo.pop()
        res, prev = table[slot.resource_key], prev_on_line.get(id(slot))
        cal = res.calendar
        if slot.stage:
            slot.ready = slots[slot.run_key][slot.stage - 1].finish
        free = cal.add_hours(prev.finish if prev else start, slot.setup_hours)
        slot.start = cal.next_working(max(slot.ready, free))
        slot.finish = cal.add_hours(slot.start, res.hours(slot.fmt, slot.m2))
        for nxt in after.get(id(slot), ()):
            waiting[id(nxt)] -= 1
            if not waiting[id(nxt)]:
                todo.append(nxt)


def pin(runs, key, start, resource_key=None):
    """``runs`` with run ``key`` dragged to ``start`` (on first-stage ``resource_key``).

    plan() them again: the run starts at ``start`` or as soon after as the line is free
    and changed over, the runs that followed it on that line move after it, changeovers
    recomputed, and the runs before it stay.
    """
    moved = []
    for run in runs:
        if run.key == key:
            where = run.pinned_resource if resource_key is None else resource_key
            run = replace(run, pinned_start=start, pinned_resource=where)
        moved.append(run)
    return moved


def plan(runs, resources, start, lookahead=LOOKAHEAD):
    """Plan ``runs`` on ``resources``, nothing before ``start``; a Plan.

    1. First stage, runs by due date: each on the alternative where it would finish first.
    2. Each first-stage line re-sequences its runs: after each run, a run among the next
       ``lookahead`` that needs less changeover moves up if it and every run it jumps
       over stay on time (later stages estimated); ``lookahead=0``: due-date order.
    3. A pinned run keeps its line (or takes the one where it would finish first) and
       starts at the later of its pin and the moment the line is free and changed over;
       it goes in as soon as the next run would not end before it.
    4. Later stages, operations in order of arrival (the previous stage's finish): each
       on the alternative where it finishes first, after its previous stage and after
       the resource's previous run and changeover. A resource never does two at once.
    5. Runs of one format in a row short of a resource's minimum batch: the last one is
       topped up and takes longer; what follows it moves.

    ValueError for anything that cannot be planned: a format no resource of a stage
    makes, an area that is not positive, numbers that are not finite.
    """
    if not isinstance(lookahead, int) or lookahead < 0:
        raise ValueError(f"lookahead must be a whole number >= 0, not {lookahead!r}")
    table, choices = _check(runs, resources)
    order = sorted(runs, key=lambda run: (run.due, _rank(run.key)))
    downstream = {run.key: _downstream(run, choices[run.key], table) for run in order}
    pinned = [run for run in order if run.pinned_start is not None]
    free = [run for run in order if run.pinned_start is None]

    def pin_line(run):
        # Pinned in time only: the line where it would be done first, were that line free.
        ready = max(start, run.pinned_start)
        return min(choices[run.key][0], key=lambda key: _Line(table[key], ready).offer(run, ready)[1])

    pin_lines = {run.key: pin_line(run) for run in pinned}

    def fresh_lines():
        lines = {key: _Line(res, start) for key, res in table.items()}
        for run in sorted(pinned, key=lambda run: (run.pinned_start, run.due, _rank(run.key)), reverse=True):
            lines[pin_lines[run.key]].pins.append(run)
        return lines

    # 1. Which line: list scheduling by due date on a trial set of lines.
    trial, assigned = fresh_lines(), {key: [] for key in table}
    for run in free:
        for key in choices[run.key][0]:
            trial[key].flush(run, start)
        key = _fastest(trial, choices[run.key][0], run, start)
        trial[key].take(run, 0, start)
        assigned[key].append(run)

    # 2., 3. The order on each line, with grouping and the pinned runs.
    lines = fresh_lines()
    for key in table:
        _sequence(lines[key], assigned[key], start, lookahead, downstream)
    slots = {run.key: [] for run in order}
    for key in table:
        for slot in lines[key].slots:
            slots[slot.run_key].append(slot)

    # 4. Later stages in order of arrival, whatever their place in the route.
    arrivals = [(slots[run.key][0].finish, i, 1) for i, run in enumerate(order) if len(run.stages) > 1]
    heapq.heapify(arrivals)
    while arrivals:
        ready, index, stage = heapq.heappop(arrivals)
        run = order[index]
        key = _fastest(lines, choices[run.key][stage], run, ready)
        slot = lines[key].take(run, stage, ready)
        slots[run.key].append(slot)
        if stage + 1 < len(run.stages):
            heapq.heappush(arrivals, (slot.finish, index, stage + 1))

    # 5. Top-ups found when a campaign ended can push work already placed after the run.
    for line in lines.values():
        line.close()
    if any(slot.padded_m2 for line in lines.values() for slot in line.slots):
        _retime(table, [line.slots for line in lines.values()], slots, start)
    return Plan(
        runs={run.key: run for run in order},
        slots=slots,
        lines={key: line.slots for key, line in lines.items()},
    )
