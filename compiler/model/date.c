/* date.c — calendar validity of dates, decided here for the parser, the checks and the outputs. */
#include "vocab.h"

static int leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int bc_date_exists(bc_date d)
{
	static const int mdays[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (d.year < 1 || d.year > 9999 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > mdays[d.month - 1])
		return 0;
	return !(d.month == 2 && d.day == 29) || leap(d.year);
}

/* A document dated before 1900 or after 2200 is a slip of the keyboard, not a date to print. */
int bc_date_plausible(bc_date d) { return d.year >= 1900 && d.year <= 2200 && bc_date_exists(d); }
