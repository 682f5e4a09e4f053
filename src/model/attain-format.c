/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-format.h"

#include "attain-gettext.h"
#include <math.h>
#include <string.h>

static int style_override = -1;

AttainNumberStyle
attain_number_style_default (void)
{
  const char *const *names;
  const char        *report_language = attain_catalogue_language (attain_i18n_current ());
  const char        *report_names[] = { report_language, NULL };

  /* A report being built in its own language writes numbers the way that language does. */
  if (report_language != NULL)
    names = report_names;
  else if (style_override >= 0)
    return style_override;
  else
    /* Follow the language the UI is shown in, so numbers match the words around them. */
    names = g_get_language_names ();
  if (names[0] != NULL && g_str_has_prefix (names[0], "zh"))
    {
      if (g_str_has_prefix (names[0], "zh_TW") || g_str_has_prefix (names[0], "zh_HK")
          || g_str_has_prefix (names[0], "zh_MO"))
        return ATTAIN_NUMBER_STYLE_TRADITIONAL;
      return ATTAIN_NUMBER_STYLE_SIMPLIFIED;
    }
  return ATTAIN_NUMBER_STYLE_WESTERN;
}

void
attain_number_style_override (AttainNumberStyle style)
{
  style_override = style;
}

const char *
attain_currency_symbol (const char *currency)
{
  if (currency == NULL || g_str_equal (currency, "CNY") || g_str_equal (currency, "JPY"))
    return "¥";
  if (g_str_equal (currency, "USD") || g_str_equal (currency, "TWD")
      || g_str_equal (currency, "HKD"))
    return "$";
  if (g_str_equal (currency, "EUR"))
    return "€";
  if (g_str_equal (currency, "GBP"))
    return "£";
  return currency;
}

char *
attain_format_grouped (gint64 value)
{
  GString *out = g_string_new (NULL);
  char     digits[32];
  guint64  magnitude = value < 0 ? (guint64) (-(value + 1)) + 1 : (guint64) value;
  int      len;

  len = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, magnitude);
  if (value < 0)
    g_string_append_c (out, '-');
  for (int i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

char *
attain_format_money (gint64 minor, const char *currency)
{
  /* Whole currency units: a sales director reads ¥1,234,568, not ¥1,234,567.89. */
  gint64           major = (gint64) llround ((double) minor / 100.0);
  g_autofree char *grouped = attain_format_grouped (major < 0 ? -major : major);

  return g_strdup_printf ("%s%s%s", major < 0 ? "-" : "", attain_currency_symbol (currency),
                          grouped);
}

char *
attain_format_money_exact (gint64 minor, const char *currency)
{
  guint64          magnitude = minor < 0 ? (guint64) (-(minor + 1)) + 1 : (guint64) minor;
  g_autofree char *grouped = attain_format_grouped ((gint64) (magnitude / 100));

  /* Fen only where there are any: a split remainder of ¥0.01 must not read as ¥0. */
  if (magnitude % 100 == 0)
    return g_strdup_printf ("%s%s%s", minor < 0 ? "-" : "", attain_currency_symbol (currency),
                            grouped);
  return g_strdup_printf ("%s%s%s.%02u", minor < 0 ? "-" : "", attain_currency_symbol (currency),
                          grouped, (guint) (magnitude % 100));
}

static char *
trim_decimal (char *text)
{
  char *dot = strchr (text, '.');

  if (dot != NULL)
    {
      char *end = dot + strlen (dot) - 1;
      while (end > dot && *end == '0')
        *end-- = '\0';
      if (end == dot)
        *end = '\0';
    }
  return text;
}

/* @scaled with three significant digits, zeros kept: "9.60", "37.0", "715". Side by side,
 * compact figures then read with the same precision (not ¥9.6M beside ¥7.03M). */
static void
three_digits (double scaled, char *out, gsize size)
{
  int decimals = scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2;
  g_ascii_formatd (out, size, decimals == 0 ? "%.0f" : decimals == 1 ? "%.1f" : "%.2f", scaled);
}

/* Rounds @magnitude to three significant digits first, so that 999,960 is "1.00M", not
 * "1000K". */
static double
round_three (double magnitude)
{
  double scale;

  if (magnitude <= 0)
    return magnitude;
  scale = pow (10, floor (log10 (magnitude)) - 2);
  return round (magnitude / scale) * scale;
}

char *
attain_format_compact (double value, AttainNumberStyle style)
{
  double      magnitude = fabs (value);
  const char *sign = value < 0 ? "-" : "";
  char        number[64];
  const char *suffix;
  double      rounded;

  if (isnan (value))
    return g_strdup ("—");
  if (magnitude < 1e4)
    {
      g_autofree char *grouped = attain_format_grouped ((gint64) llround (magnitude));
      return g_strdup_printf ("%s%s", sign, grouped);
    }
  rounded = round_three (magnitude);

  if (style == ATTAIN_NUMBER_STYLE_WESTERN)
    {
      if (rounded < 1e6)
        {
          three_digits (rounded / 1e3, number, sizeof number);
          suffix = "K";
        }
      else if (rounded < 1e9)
        {
          three_digits (rounded / 1e6, number, sizeof number);
          suffix = "M";
        }
      else
        {
          three_digits (rounded / 1e9, number, sizeof number);
          suffix = "B";
        }
      return g_strdup_printf ("%s%s%s", sign, number, suffix);
    }

  if (magnitude < 1e8 && rounded < 1e8)
    {
      double wan = magnitude / 1e4;
      suffix = style == ATTAIN_NUMBER_STYLE_TRADITIONAL ? "萬" : "万";
      if (wan >= 999.5)
        {
          /* 1,234万 reads better than 0.123亿 once the count of 万 has four digits. */
          g_autofree char *grouped = attain_format_grouped ((gint64) llround (wan));
          return g_strdup_printf ("%s%s%s", sign, grouped, suffix);
        }
      three_digits (rounded / 1e4, number, sizeof number);
    }
  else
    {
      three_digits (rounded / 1e8, number, sizeof number);
      suffix = style == ATTAIN_NUMBER_STYLE_TRADITIONAL ? "億" : "亿";
    }
  return g_strdup_printf ("%s%s%s", sign, number, suffix);
}

char *
attain_format_money_compact (double minor, const char *currency, AttainNumberStyle style)
{
  g_autofree char *number = NULL;

  if (isnan (minor))
    return g_strdup ("—");
  number = attain_format_compact (fabs (minor) / 100.0, style);
  return g_strdup_printf ("%s%s%s", minor < 0 ? "-" : "", attain_currency_symbol (currency),
                          number);
}

char *
attain_format_score (double score)
{
  char number[32];

  if (isnan (score))
    return g_strdup ("—");
  g_ascii_formatd (number, sizeof number, "%.1f", score);
  return g_strdup (number);
}

char *
attain_format_percent (double fraction)
{
  char number[32];

  if (isnan (fraction) || isinf (fraction))
    return g_strdup ("—");
  g_ascii_formatd (number, sizeof number, "%.1f", fraction * 100.0);
  return g_strdup_printf ("%s%%", number);
}

char *
attain_format_change (double fraction)
{
  char number[32];

  if (isnan (fraction) || isinf (fraction))
    return g_strdup ("—");
  g_ascii_formatd (number, sizeof number, "%.1f", fabs (fraction) * 100.0);
  /* A change that rounds to nothing has no direction: "0.0%", never "-0.0%". */
  if (g_str_equal (number, "0.0"))
    return g_strdup ("0.0%");
  return g_strdup_printf ("%s%s%%", fraction < 0 ? "-" : "+", number);
}

char *
attain_format_points_change (double points)
{
  char number[32];

  if (isnan (points) || isinf (points))
    return g_strdup ("—");
  g_ascii_formatd (number, sizeof number, "%.1f", fabs (points));
  /* Translators: a change measured in percentage points or score points, %s%s is sign and number */
  return g_strdup_printf (_ ("%s%s pts"),
                          g_str_equal (number, "0.0") ? ""
                          : points < 0                ? "-"
                                                      : "+",
                          number);
}

/* A signed difference in the value's own unit: "+¥120万", "-3 ", "+2.5 pts" for rates, "-23.1"
 * for scores (NPS is not a percentage). */
char *
attain_format_difference (AttainValueKind   kind,
                          double            difference,
                          const char       *currency,
                          AttainNumberStyle style)
{
  g_autofree char *magnitude = NULL;

  if (isnan (difference) || isinf (difference))
    return g_strdup ("—");
  if (kind == ATTAIN_VALUE_RATE)
    return attain_format_points_change (difference * 100.0);
  magnitude = attain_format_value (kind, fabs (difference), currency, style);
  /* A difference that rounds to nothing has no direction ("0.0", never "-0.0"). */
  if (fabs (difference) < (kind == ATTAIN_VALUE_MONEY   ? 50.0
                           : kind == ATTAIN_VALUE_COUNT ? 0.5
                                                        : 0.05))
    return g_steal_pointer (&magnitude);
  return g_strdup_printf ("%s%s", difference < 0 ? "-" : "+", magnitude);
}

char *
attain_format_value (AttainValueKind   kind,
                     double            value,
                     const char       *currency,
                     AttainNumberStyle style)
{
  char number[32];

  if (isnan (value) || isinf (value))
    return g_strdup ("—");

  switch (kind)
    {
    case ATTAIN_VALUE_MONEY:
      return attain_format_money_compact (value, currency, style);
    case ATTAIN_VALUE_COUNT:
      return attain_format_compact (value, style);
    case ATTAIN_VALUE_RATE:
      return attain_format_percent (value);
    case ATTAIN_VALUE_DAYS:
      g_ascii_formatd (number, sizeof number, "%.1f", value);
      /* Translators: a duration in days with one decimal */
      return g_strdup_printf (_ ("%s days"), number);
    case ATTAIN_VALUE_SCORE:
    default:
      g_ascii_formatd (number, sizeof number, "%.1f", value);
      return g_strdup (number);
    }
}

AttainAxisUnit
attain_axis_unit_for (double max_value, AttainNumberStyle style)
{
  double magnitude = fabs (max_value);

  /* One unit for the whole axis, chosen from its largest tick, so ticks compare at a glance. */
  if (style == ATTAIN_NUMBER_STYLE_WESTERN)
    {
      if (magnitude >= 1e9)
        return (AttainAxisUnit){ 1e9, "B" };
      if (magnitude >= 1e6)
        return (AttainAxisUnit){ 1e6, "M" };
      if (magnitude >= 1e4)
        return (AttainAxisUnit){ 1e3, "K" };
      return (AttainAxisUnit){ 1, "" };
    }
  if (magnitude >= 1e8)
    return (AttainAxisUnit){ 1e8, style == ATTAIN_NUMBER_STYLE_TRADITIONAL ? "億" : "亿" };
  if (magnitude >= 1e4)
    return (AttainAxisUnit){ 1e4, style == ATTAIN_NUMBER_STYLE_TRADITIONAL ? "萬" : "万" };
  return (AttainAxisUnit){ 1, "" };
}

char *
attain_format_axis_value (double value, AttainAxisUnit unit)
{
  char   number[32];
  double scaled = value / unit.divisor;

  if (value == 0)
    return g_strdup ("0");
  if (fabs (scaled - round (scaled)) < 1e-9)
    {
      g_autofree char *grouped = attain_format_grouped ((gint64) llround (scaled));
      return g_strdup_printf ("%s%s", grouped, unit.suffix);
    }
  /* Ticks of 0.25 read as 0.25, not 0.3. */
  g_ascii_formatd (number, sizeof number, "%.2f", scaled);
  return g_strdup_printf ("%s%s", trim_decimal (number), unit.suffix);
}

/* User text (a name) to put inside a sentence or a header line: when it holds right-to-left
 * letters or bidi controls, it is wrapped in FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE,
 * so a right-to-left override in a name cannot reverse the rest of the line. Other text is
 * returned as it is (no invisible characters in copies and extracted PDF text). */
char *
attain_isolate (const char *text)
{
  gboolean needs = FALSE;

  if (text == NULL)
    return g_strdup ("");
  for (const char *p = text; *p != '\0' && !needs; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      /* The explicit embeddings, overrides and isolates, and the right-to-left scripts' blocks. */
      needs = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200F
              || c == 0x061C || (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF)
              || (c >= 0xFE70 && c <= 0xFEFF) || (c >= 0x10800 && c <= 0x10FFF)
              || (c >= 0x1E800 && c <= 0x1EFFF);
    }
  return needs ? g_strconcat ("\u2068", text, "\u2069", NULL) : g_strdup (text);
}

/* Hundredths as people write them: 15000 → "150", 250 → "2.5", 1 → "0.01". */
char *
attain_hundredths_text (int value)
{
  const char *sign = value < 0 ? "-" : "";
  int         magnitude = ABS (value);

  if (magnitude % 100 == 0)
    return g_strdup_printf ("%s%d", sign, magnitude / 100);
  if (magnitude % 10 == 0)
    return g_strdup_printf ("%s%d.%d", sign, magnitude / 100, magnitude % 100 / 10);
  return g_strdup_printf ("%s%d.%02d", sign, magnitude / 100, magnitude % 100);
}
