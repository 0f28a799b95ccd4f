from datetime import date, datetime, timedelta
from itertools import pairwise

from odoo.tests import BaseCase, tagged

from odoo.addons.tile_production.planning import Calendar, Resource, Run, pin, plan

F600, F800 = "600×600", "800×800"
# Monday 1 March 2027, midnight UTC.
T0 = datetime(2027, 3, 1)


def at(day, hour=0, minute=0):
    return datetime(2027, 3, day, hour, minute)


def press(key="P1", rates=None, changeover=4.0, **extra):
    """The issue's press line: 600×600 at 3,000 m²/day, 800×800 at 2,400, 4 h to change format."""
    return Resource(key, rates or {F600: 3000, F800: 2400}, changeover_hours=changeover, **extra)


def run(key, fmt, m2, due, stages=(("P1",),), **extra):
    return Run(key, fmt, m2, due, stages, **extra)


def line(result, key):
    """[(run, start, finish, changeover hours)] on resource ``key``, in time order."""
    return [(slot.run_key, slot.start, slot.finish, slot.setup_hours) for slot in result.resource_slots(key)]


def format_changes(formats):
    return sum(1 for before, after in pairwise(formats) if before != after)


@tagged("post_install", "-at_install")
class TestPlanningMath(BaseCase):
    def example_runs(self, due_a, due_b, due_c):
        """Three orders on one press line: A 4,500 m² 600×600 (36 h), B 2,400 m² 800×800 (24 h),
        C 1,500 m² 600×600 (12 h)."""
        return [run("A", F600, 4500, due_a), run("B", F800, 2400, due_b), run("C", F600, 1500, due_c)]

    def test_runs_of_one_format_are_grouped_when_everyone_stays_on_time(self):
        result = plan(self.example_runs(at(3, 12), at(4, 12), at(5, 12)), [press()], T0)
        # C moves before B: one changeover instead of two, B still done 8 h before its deadline.
        self.assertEqual(
            line(result, "P1"),
            [("A", at(1), at(2, 12), 0.0), ("C", at(2, 12), at(3), 0.0), ("B", at(3, 4), at(4, 4), 4.0)],
        )
        self.assertEqual(result.changeovers("P1"), 1)
        self.assertEqual(result.late_runs(), [])

    def test_no_grouping_when_it_would_make_an_order_late(self):
        # Grouped, B would be done 4 March 04:00, after its 3 March 18:00 deadline.
        result = plan(self.example_runs(at(2, 12), at(3, 18), at(4, 18)), [press()], T0)
        self.assertEqual(
            line(result, "P1"),
            [("A", at(1), at(2, 12), 0.0), ("B", at(2, 16), at(3, 16), 4.0), ("C", at(3, 20), at(4, 8), 4.0)],
        )
        self.assertEqual(result.changeovers("P1"), 2)
        self.assertEqual(result.late_runs(), [])

    def test_the_plan_says_which_runs_are_late_and_by_how_much(self):
        result = plan(self.example_runs(at(2, 10), at(3, 11, 40), at(4, 18)), [press()], T0)
        self.assertEqual([key for key, *_times in line(result, "P1")], ["A", "B", "C"], "due-date order")
        self.assertEqual(result.finish("A"), at(2, 12))
        self.assertEqual(result.finish("B"), at(3, 16))
        self.assertEqual(result.late_runs(), [("B", 4.33), ("A", 2.0)], "the latest first, in hours")
        self.assertEqual(result.late_hours("C"), 0.0)

    def test_the_on_time_check_counts_the_later_stages(self):
        # The press alone could group as in the first test, but B also needs 12 h in the kiln:
        # grouped it would leave the kiln 4 March 16:00, after its deadline.
        resources = [press(), Resource("K", {F600: 9000, F800: 4800})]
        route = (("P1",), ("K",))
        runs = [
            run("A", F600, 4500, at(3, 12), route),
            run("B", F800, 2400, at(4, 12), route),
            run("C", F600, 1500, at(5, 12), route),
        ]
        result = plan(runs, resources, T0)
        self.assertEqual([key for key, *_times in line(result, "P1")], ["A", "B", "C"])
        self.assertEqual(line(result, "K")[1], ("B", at(3, 16), at(4, 4), 0.0))
        self.assertEqual(result.late_runs(), [])

    def test_grouping_cuts_format_changes(self):
        # Twelve runs alternating 600×600 / 800×800, deadlines an hour apart and two weeks away.
        runs = [run(f"R{i:02}", (F600, F800)[i % 2], 1200, at(20, i)) for i in range(12)]
        result = plan(runs, [press()], T0)
        by_due = [r.fmt for r in sorted(runs, key=lambda r: r.due)]
        planned = [slot.fmt for slot in result.resource_slots("P1")]
        self.assertEqual(format_changes(by_due), 11)
        self.assertEqual(format_changes(planned), 1)
        self.assertEqual(result.changeovers("P1"), 1)
        self.assertEqual(result.late_runs(), [])
        self.assertEqual(
            plan(runs[::-1], [press()], T0).lines, result.lines, "the input order does not matter"
        )
        due_date_order = plan(runs, [press()], T0, lookahead=0)
        self.assertEqual([slot.fmt for slot in due_date_order.resource_slots("P1")], by_due)

    def test_two_press_lines_share_the_runs(self):
        lines = [press("P1"), press("P2", {F600: 2000})]
        both = (("P1", "P2"),)
        runs = [
            run("A", F600, 4500, at(3, 12), both),
            run("B", F800, 2400, at(4, 12), both),
            run("C", F600, 1500, at(5, 12), both),
        ]
        result = plan(runs, lines, T0)
        # Only line 1 makes 800×800; C is done sooner on the slower but idle line 2.
        self.assertEqual(line(result, "P1"), [("A", at(1), at(2, 12), 0.0), ("B", at(2, 16), at(3, 16), 4.0)])
        self.assertEqual(line(result, "P2"), [("C", at(1), at(1, 18), 0.0)])

    def test_a_shared_kiln_fires_one_run_at_a_time(self):
        resources = [
            press("P1", {F600: 3000}),
            press("P2", {F800: 2400}),
            Resource("K", {F600: 6000, F800: 4800}, changeover_hours=2),
        ]
        route = (("P1", "P2"), ("K",))
        runs = [
            run("A", F600, 3000, at(10), route),
            run("B", F800, 2400, at(11), route),
            run("C", F600, 1500, at(12), route),
        ]
        result = plan(runs, resources, T0)
        self.assertEqual(line(result, "P1"), [("A", at(1), at(2), 0.0), ("C", at(2), at(2, 12), 0.0)])
        self.assertEqual(line(result, "P2"), [("B", at(1), at(2), 0.0)])
        # A and B leave their presses together: B waits for A's firing and the kiln's changeover.
        self.assertEqual(
            line(result, "K"),
            [("A", at(2), at(2, 12), 0.0), ("B", at(2, 14), at(3, 2), 2.0), ("C", at(3, 4), at(3, 10), 2.0)],
        )
        kiln = result.resource_slots("K")
        for before, after in pairwise(kiln):
            self.assertLessEqual(before.finish, after.start)
        for slot in kiln:
            self.assertGreaterEqual(slot.start, result.run_slots(slot.run_key)[0].finish)
            self.assertEqual(result.finish(slot.run_key), slot.finish)

    def test_routes_of_different_length_meet_at_the_kiln_in_order_of_arrival(self):
        resources = [
            press("P1", {F600: 3000}),
            press("P2", {F800: 2400}),
            Resource("G", {F600: 24000}),
            Resource("K", {F600: 6000, F800: 4800}),
        ]
        glazed = run("A", F600, 3000, at(10), (("P1",), ("G",), ("K",)), glaze="G-01")
        unglazed = run("B", F800, 7200, at(10), (("P2",), ("K",)))
        result = plan([glazed, unglazed], resources, T0)
        # A reaches the kiln (its third stage) on 2 March, B (its second) on 4 March.
        self.assertEqual(line(result, "K"), [("A", at(2, 3), at(2, 15), 0.0), ("B", at(4), at(5, 12), 0.0)])

    def test_a_later_stage_takes_the_alternative_where_the_run_is_done_first(self):
        resources = [
            press("P1", {F600: 3000}),
            press("P2", {F600: 3000}),
            Resource("K1", {F600: 6000}),
            Resource("K2", {F600: 4000}),
        ]
        route = (("P1", "P2"), ("K1", "K2"))
        result = plan(
            [run("A", F600, 3000, at(10), route), run("B", F600, 3000, at(10), route)], resources, T0
        )
        self.assertEqual(line(result, "K1"), [("A", at(2), at(2, 12), 0.0)])
        self.assertEqual(line(result, "K2"), [("B", at(2), at(2, 18), 0.0)], "18 h on K2 beats 24 h on K1")

    def test_calendar_skips_nights_weekends_and_holidays(self):
        day_shift = Calendar(
            tuple((day, 8.0, 20.0) for day in range(5)), holidays=frozenset({date(2027, 3, 8)})
        )
        self.assertEqual(day_shift.day_hours(), 12.0)
        self.assertEqual(day_shift.next_working(at(6, 10)), at(9, 8), "Saturday, then the Monday holiday")
        self.assertEqual(
            day_shift.next_working(at(5, 20)), at(9, 8), "the end of the shift is not working time"
        )
        self.assertEqual(day_shift.next_working(at(2, 7)), at(2, 8))
        self.assertEqual(day_shift.next_working(at(2, 9, 30)), at(2, 9, 30))
        self.assertEqual(day_shift.add_hours(at(5, 14), 10), at(9, 12), "6 h on Friday, 4 h on Tuesday")
        self.assertEqual(day_shift.add_hours(at(4, 14), 6), at(4, 20), "done at the end of the shift")
        self.assertEqual(day_shift.add_hours(at(1, 8), 300), datetime(2027, 4, 5, 20), "25 working days")
        self.assertEqual(
            day_shift.add_hours(at(1, 8), 12 * 5 * 52), datetime(2028, 2, 28, 20), "a year and the holiday"
        )
        always = Calendar.always()
        self.assertEqual((always.day_hours(), always.add_hours(at(1), 300)), (24.0, at(13, 12)))
        nights = Calendar(((0, 22.0, 24.0), (1, 0.0, 6.0)), hours_per_day=8)
        self.assertEqual(nights.add_hours(at(1, 23), 3), at(2, 2), "a shift across midnight runs on")
        self.assertEqual(nights.day_hours(), 8.0)
        # The rate counts a 12 h day: 3,000 m² at 3,000 m²/day is Friday 14-20 and Tuesday 8-14.
        weekday_press = Resource("P1", {F600: 3000}, calendar=day_shift)
        result = plan([run("A", F600, 3000, at(12))], [weekday_press], at(5, 14))
        self.assertEqual(line(result, "P1"), [("A", at(5, 14), at(9, 14), 0.0)])

    def test_glaze_changeover_only_when_the_glaze_changes(self):
        glaze_line = Resource("G", {F600: 2400, F800: 2400}, changeover_hours=4, glaze_changeover_hours=1)
        stage = (("G",),)
        runs = [
            run("A", F600, 1200, at(10), stage, glaze="G-01"),
            run("B", F600, 1200, at(11), stage, glaze="G-02"),
            run("C", F600, 1200, at(12), stage, glaze="G-02"),
            run("D", F800, 1200, at(13), stage, glaze="G-02"),
            run("E", F800, 1200, at(14), stage),
        ]
        self.assertEqual(
            line(plan(runs, [glaze_line], T0), "G"),
            [
                ("A", at(1), at(1, 12), 0.0),
                ("B", at(1, 13), at(2, 1), 1.0),
                ("C", at(2, 1), at(2, 13), 0.0),
                ("D", at(2, 17), at(3, 5), 4.0),
                ("E", at(3, 5), at(3, 17), 0.0),
            ],
        )
        # With time to spare, the second G-01 run follows the first.
        runs = [runs[0], runs[1], run("C", F600, 1200, at(12), stage, glaze="G-01")]
        self.assertEqual(
            line(plan(runs, [glaze_line], T0), "G"),
            [("A", at(1), at(1, 12), 0.0), ("C", at(1, 12), at(2), 0.0), ("B", at(2, 1), at(2, 13), 1.0)],
        )

    def test_a_kiln_is_not_fired_below_its_minimum_batch(self):
        resources = [
            press("P1", {F600: 3000, F800: 9600}, changeover=0),
            Resource("K", {F600: 6000, F800: 4800}, min_batch_m2=3000),
        ]
        route = (("P1",), ("K",))

        def kiln(result):
            return [(s.run_key, s.start, s.finish, s.m2, s.padded_m2) for s in result.resource_slots("K")]

        # Alone, 1,000 m² is fired as 3,000 m²: 12 h instead of 4 h.
        result = plan([run("A", F600, 1000, at(10), route)], resources, T0)
        self.assertEqual(kiln(result), [("A", at(1, 8), at(1, 20), 3000.0, 2000.0)])
        self.assertEqual(result.padded_runs(), [("A", 2000.0)])
        self.assertEqual(result.run_slots("A")[0].m2, 1000, "the press makes the run's area")
        # Two runs of one format in a row reach the minimum together.
        result = plan(
            [run("A", F600, 1000, at(10), route), run("B", F600, 2000, at(11), route)], resources, T0
        )
        self.assertEqual(
            kiln(result), [("A", at(1, 8), at(1, 12), 1000, 0.0), ("B", at(2), at(2, 8), 2000, 0.0)]
        )
        self.assertEqual(result.padded_runs(), [])
        # Another format ends A's campaign: A is topped up and B waits for it, then B is topped up too.
        # A's sorting, placed from 12:00 before anyone knew, moves after the longer firing.
        resources.append(Resource("S", {F600: 9600, F800: 9600}))
        route = (("P1",), ("K",), ("S",))
        result = plan(
            [run("A", F600, 1000, at(10), route), run("B", F800, 2400, at(11), route)], resources, T0
        )
        self.assertEqual(
            kiln(result),
            [("A", at(1, 8), at(1, 20), 3000.0, 2000.0), ("B", at(1, 20), at(2, 11), 3000.0, 600.0)],
        )
        self.assertEqual(result.padded_runs(), [("A", 2000.0), ("B", 600.0)])
        self.assertEqual(
            line(result, "S"), [("A", at(1, 20), at(1, 22, 30), 0.0), ("B", at(2, 11), at(2, 17), 0.0)]
        )

    def test_a_dragged_run_pushes_what_follows_on_its_line(self):
        runs = self.example_runs(at(3, 12), at(4, 12), at(5, 12))
        before = line(plan(runs, [press()], T0), "P1")
        result = plan(pin(runs, "C", at(3, 8), "P1"), [press()], T0)
        # B no longer fits between A and C: it follows C, after the changeover back to 800×800.
        self.assertEqual(
            line(result, "P1"),
            [("A", at(1), at(2, 12), 0.0), ("C", at(3, 8), at(3, 20), 0.0), ("B", at(4), at(5), 4.0)],
        )
        self.assertEqual(line(result, "P1")[0], before[0], "the run before it stays")
        self.assertEqual(result.late_runs(), [("B", 12.0)])
        # Pinned before the line would reach it: the pin holds, what was before follows it.
        result = plan(pin(runs, "B", at(1, 6), "P1"), [press()], T0)
        self.assertEqual(
            line(result, "P1"),
            [
                ("B", at(1, 6), at(2, 6), 0.0),
                ("A", at(2, 10), at(3, 22), 4.0),
                ("C", at(3, 22), at(4, 10), 0.0),
            ],
        )
        # Started before the plan's start: it goes first, from the start.
        result = plan(pin(runs, "C", at(1) - timedelta(hours=4), "P1"), [press()], T0)
        self.assertEqual(
            line(result, "P1"),
            [("C", at(1), at(1, 12), 0.0), ("A", at(1, 12), at(3), 0.0), ("B", at(3, 4), at(4, 4), 4.0)],
        )

    def test_what_cannot_be_planned_is_a_clear_error(self):
        with self.assertRaisesRegex(ValueError, r"run 'A': no work centre of stage 1 \(P1\) makes 1200×600"):
            plan([run("A", "1200×600", 100, at(5))], [press()], T0)
        with self.assertRaisesRegex(ValueError, "unknown work centre 'P9'"):
            plan([run("A", F600, 100, at(5), (("P9",),))], [press()], T0)
        for m2 in (0, -5, float("nan"), float("inf")):
            with self.assertRaisesRegex(ValueError, r"the area \(m²\) of run 'A' must be a positive number"):
                plan([run("A", F600, m2, at(5))], [press()], T0)
        with self.assertRaisesRegex(ValueError, "the rate of 600×600 on work centre 'P1' must be a positive"):
            plan([run("A", F600, 100, at(5))], [press(rates={F600: float("nan")})], T0)
        with self.assertRaisesRegex(ValueError, "the changeover hours of work centre 'P1' must be"):
            plan([run("A", F600, 100, at(5))], [press(changeover=float("inf"))], T0)
        with self.assertRaisesRegex(ValueError, "the calendar has no working time"):
            Calendar(())
        with self.assertRaisesRegex(ValueError, "end hour of a working interval must be"):
            Calendar(((0, 8.0, float("nan")),))
