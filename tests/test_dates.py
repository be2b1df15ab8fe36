from __future__ import annotations

import datetime

import pytest

from pipeline.parser.dates import DateError, parse_period

D = datetime.date


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("September 06, 1995 ~ September 07, 1995", D(1995, 9, 6), D(1995, 9, 7)),
        ("Sep 10-12, 1996", D(1996, 9, 10), D(1996, 9, 12)),
        ("10-12 September 1996", D(1996, 9, 10), D(1996, 9, 12)),
        ("1996.09.10 ~ 09.12", D(1996, 9, 10), D(1996, 9, 12)),
        ("Jul 7, 2009-Jul 10, 2009", D(2009, 7, 7), D(2009, 7, 10)),
        ("October 2(Wed.) - 4(Fri.), 1996", D(1996, 10, 2), D(1996, 10, 4)),
        ("30 September - 2 October 2014", D(2014, 9, 30), D(2014, 10, 2)),
        ("10 August 2021", D(2021, 8, 10), D(2021, 8, 10)),
        ("2002.09.12 ~ 09.10", D(2002, 9, 12), D(2002, 9, 10)),
        ("2010-10-26 ~ 2010-10-29", D(2010, 10, 26), D(2010, 10, 29)),
        ("2010-10-26 - 2010-10-29", D(2010, 10, 26), D(2010, 10, 29)),
        ("2010-10-26", D(2010, 10, 26), D(2010, 10, 26)),
        ("August 30 to September 2, 2016", D(2016, 8, 30), D(2016, 9, 2)),
        ("Sept. 3-5, 2012", D(2012, 9, 3), D(2012, 9, 5)),
        ("3rd-5th June 2008", D(2008, 6, 3), D(2008, 6, 5)),
        ("2012/09/03-09/05", D(2012, 9, 3), D(2012, 9, 5)),
        ("26.10.2010 - 29.10.2010", D(2010, 10, 26), D(2010, 10, 29)),
        ("Dec 30 - Jan 2, 2016", D(2015, 12, 30), D(2016, 1, 2)),
        ("Wednesday, 10 August 2016", D(2016, 8, 10), D(2016, 8, 10)),
        ("October 20(Tue.) – 22(Thu.), 1998", D(1998, 10, 20), D(1998, 10, 22)),
        ("27 September 2022 (Tue.), 15:00-18:00 Ulgii time (UTC+7)", D(2022, 9, 27), D(2022, 9, 27)),
        ("9 December 2021 (Thu.), 14:00-16:40 KST", D(2021, 12, 9), D(2021, 12, 9)),
        ("10 May 2020, 10:00 UTC+9", D(2020, 5, 10), D(2020, 5, 10)),
        ("2021年9月23日—24日 / 23–24 September 2021", D(2021, 9, 23), D(2021, 9, 24)),  # (the side that reads)
        ("2018年5月15日(火)～16日(水) / 15–16 May 2018", D(2018, 5, 15), D(2018, 5, 16)),
        # (the two writings parted by a space alone where the script changes; an era's year does not read)
        ("平成25年11月12日（火）～14日（木） November 12 (Tue) - 14 (Thu), 2013", D(2013, 11, 12), D(2013, 11, 14)),
        # (how many days after the period, as pages in Korean, Japanese and Chinese say it)
        ("2015. 9. 16.(수) ~ 9. 18.(금), 3일간", D(2015, 9, 16), D(2015, 9, 18)),
        ("2011. 8. 8(월) ∼ 8. 12(금) [4박 5일]", D(2011, 8, 8), D(2011, 8, 12)),
        ("2011年8月8日～12日（5日間）", D(2011, 8, 8), D(2011, 8, 12)),
        ("2019년 6월 12일~14일", D(2019, 6, 12), D(2019, 6, 14)),
    ],
)
def test_period_formats(text, start, end):
    assert parse_period(text) == (start, end)


@pytest.mark.parametrize(
    "text",
    ["", "to be announced", "Autumn 1996", "Sep 10-12", "1996.13.40", "February 30, 2001", "10 May 2020 / 11 May 2020"],
)
def test_unreadable_periods_raise(text):
    with pytest.raises(DateError):
        parse_period(text)
