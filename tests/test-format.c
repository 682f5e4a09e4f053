/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-test-util.h"
#include "model/attain-format.h"

#include <math.h>

#define ASSERT_FORMAT(expr, expected)                                                              \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_autofree char *s_ = (expr);                                                                  \
    g_assert_cmpstr (s_, ==, (expected));                                                          \
  }                                                                                                \
  G_STMT_END

static void
test_grouped (void)
{
  ASSERT_FORMAT (attain_format_grouped (0), "0");
  ASSERT_FORMAT (attain_format_grouped (999), "999");
  ASSERT_FORMAT (attain_format_grouped (12345678), "12,345,678");
  ASSERT_FORMAT (attain_format_grouped (-1234), "-1,234");
  ASSERT_FORMAT (attain_format_grouped (G_MININT64), "-9,223,372,036,854,775,808");
  /* Money in fen shown as whole yuan, rounded. */
  ASSERT_FORMAT (attain_format_money (123456789, "CNY"), "¥1,234,568");
  ASSERT_FORMAT (attain_format_money (-5000, "USD"), "-$50");
}

static void
test_compact_chinese (void)
{
  AttainNumberStyle zh = ATTAIN_NUMBER_STYLE_SIMPLIFIED;
  AttainNumberStyle tw = ATTAIN_NUMBER_STYLE_TRADITIONAL;

  ASSERT_FORMAT (attain_format_compact (9000, zh), "9,000");
  ASSERT_FORMAT (attain_format_compact (12000, zh), "1.20万");
  ASSERT_FORMAT (attain_format_compact (10000, zh), "1.00万");
  ASSERT_FORMAT (attain_format_compact (27460000, zh), "2,746万");
  ASSERT_FORMAT (attain_format_compact (123000000, zh), "1.23亿");
  ASSERT_FORMAT (attain_format_compact (123000000, tw), "1.23億");
  ASSERT_FORMAT (attain_format_compact (12000, tw), "1.20萬");
  ASSERT_FORMAT (attain_format_compact (-9876000, zh), "-988万");
  /* ¥48,330,000.00 in fen */
  ASSERT_FORMAT (attain_format_money_compact (4833000000.0, "CNY", zh), "¥4,833万");
  /* Side by side, the same precision: ¥37.0万 beside ¥88.4万, never ¥37万 beside ¥88.4万. */
  ASSERT_FORMAT (attain_format_money_compact (37000000.0, "CNY", zh), "¥37.0万");
  ASSERT_FORMAT (attain_format_money_compact (88400000.0, "CNY", zh), "¥88.4万");
  /* Rounding up to the next unit: 9,999,600 is 1,000万, 999,960,000 is 10.0亿. */
  ASSERT_FORMAT (attain_format_compact (9999600, zh), "1,000万");
  ASSERT_FORMAT (attain_format_compact (999960000, zh), "10.0亿");
  ASSERT_FORMAT (attain_format_money_compact (NAN, "CNY", zh), "—");
}

static void
test_compact_western (void)
{
  AttainNumberStyle en = ATTAIN_NUMBER_STYLE_WESTERN;

  ASSERT_FORMAT (attain_format_compact (2118, en), "2,118");
  ASSERT_FORMAT (attain_format_compact (14500, en), "14.5K");
  /* ¥9.60M beside ¥7.03M, ¥715K beside ¥573K; 999,960 is 1.00M, not 1000K. */
  ASSERT_FORMAT (attain_format_money_compact (960000000.0, "CNY", en), "¥9.60M");
  ASSERT_FORMAT (attain_format_money_compact (703000000.0, "CNY", en), "¥7.03M");
  ASSERT_FORMAT (attain_format_compact (715000, en), "715K");
  ASSERT_FORMAT (attain_format_compact (572800, en), "573K");
  ASSERT_FORMAT (attain_format_compact (999960, en), "1.00M");
  ASSERT_FORMAT (attain_format_compact (27460000, en), "27.5M");
  ASSERT_FORMAT (attain_format_compact (1500000000, en), "1.50B");
  ASSERT_FORMAT (attain_format_money_compact (2746000000.0, "CNY", en), "¥27.5M");
}

static void
test_percent_and_change (void)
{
  ASSERT_FORMAT (attain_format_percent (0.5684), "56.8%");
  ASSERT_FORMAT (attain_format_percent (1.3), "130.0%");
  ASSERT_FORMAT (attain_format_percent (NAN), "—");
  ASSERT_FORMAT (attain_format_change (0.176), "+17.6%");
  ASSERT_FORMAT (attain_format_change (-0.0012), "-0.1%");
  ASSERT_FORMAT (attain_format_points_change (-1.66), "-1.7 pts");
  /* Rounds to nothing: no sign. */
  ASSERT_FORMAT (attain_format_points_change (-0.04), "0.0 pts");
  ASSERT_FORMAT (attain_format_change (-0.0004), "0.0%");
  ASSERT_FORMAT (attain_format_value (ATTAIN_VALUE_DAYS, 30, NULL, ATTAIN_NUMBER_STYLE_WESTERN),
                 "30.0 days");
  ASSERT_FORMAT (attain_format_value (ATTAIN_VALUE_SCORE, 25, NULL, ATTAIN_NUMBER_STYLE_WESTERN),
                 "25.0");
}

static void
test_axis (void)
{
  AttainAxisUnit unit;

  /* One unit per axis from its maximum: ¥20,000,000 → 万 in Chinese, M in English. */
  unit = attain_axis_unit_for (20000000, ATTAIN_NUMBER_STYLE_SIMPLIFIED);
  g_assert_cmpstr (unit.suffix, ==, "万");
  ASSERT_FORMAT (attain_format_axis_value (5000000, unit), "500万");
  ASSERT_FORMAT (attain_format_axis_value (15000000, unit), "1,500万");
  ASSERT_FORMAT (attain_format_axis_value (0, unit), "0");
  unit = attain_axis_unit_for (300000000, ATTAIN_NUMBER_STYLE_SIMPLIFIED);
  g_assert_cmpstr (unit.suffix, ==, "亿");
  ASSERT_FORMAT (attain_format_axis_value (250000000, unit), "2.5亿");
  unit = attain_axis_unit_for (20000000, ATTAIN_NUMBER_STYLE_WESTERN);
  g_assert_cmpstr (unit.suffix, ==, "M");
  ASSERT_FORMAT (attain_format_axis_value (5000000, unit), "5M");
  /* A quarter step keeps its two decimals: 0.25M, not 0.3M. */
  ASSERT_FORMAT (attain_format_axis_value (750000, unit), "0.75M");
  unit = attain_axis_unit_for (800, ATTAIN_NUMBER_STYLE_WESTERN);
  ASSERT_FORMAT (attain_format_axis_value (250, unit), "250");
}

/* Names inside sentences: a right-to-left override or Hebrew is isolated, so it cannot reverse
 * what follows it on the line; Chinese and Latin names are left exactly as they are. */
static void
test_isolate (void)
{
  g_autofree char *chinese = attain_isolate ("周艳");
  g_autofree char *latin = attain_isolate ("Anna Müller");
  g_autofree char *override = attain_isolate ("x\u202Eevil");
  g_autofree char *hebrew = attain_isolate ("\u05D3\u05E0\u05D4");
  g_autofree char *none = attain_isolate (NULL);

  g_assert_cmpstr (chinese, ==, "周艳");
  g_assert_cmpstr (latin, ==, "Anna Müller");
  g_assert_cmpstr (override, ==, "\u2068x\u202Eevil\u2069");
  g_assert_cmpstr (hebrew, ==, "\u2068\u05D3\u05E0\u05D4\u2069");
  g_assert_cmpstr (none, ==, "");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/format/grouped", test_grouped);
  g_test_add_func ("/format/compact-chinese", test_compact_chinese);
  g_test_add_func ("/format/compact-western", test_compact_western);
  g_test_add_func ("/format/percent-and-change", test_percent_and_change);
  g_test_add_func ("/format/axis", test_axis);
  g_test_add_func ("/format/isolate", test_isolate);
  return g_test_run ();
}
