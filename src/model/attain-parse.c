/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-parse.h"

#include "attain-gettext.h"
#include <string.h>

/* The quark name is a string, not a subtraction. */
/* clang-format off */
G_DEFINE_QUARK (attain-parse-error-quark, attain_parse_error)
/* clang-format on */

/* Largest magnitude kept: about 9.2e18 minor units is far beyond any sales figure, and keeping
 * below it lets every step stay in 64-bit integers. */
#define MAX_VALUE (G_GINT64_CONSTANT (4000000000000000000))

/* Full-width digits, ￥ and ，(what Chinese input methods type) become their ASCII forms. */
static char *
normalize (const char *text)
{
  char *folded;

  /* NFKC leaves ASCII as it is; most cells are ASCII, and this runs for every cell. */
  for (const char *p = text;; p++)
    {
      if (*p == '\0')
        return g_strdup (text);
      if ((guchar) *p >= 0x80)
        break;
    }
  folded = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  return folded ? folded : g_strdup ("");
}

static gboolean
number_error (GError **error, const char *text)
{
  g_set_error (error, ATTAIN_PARSE_ERROR, ATTAIN_PARSE_ERROR_NUMBER,
               _ ("“%s” is not a number. Write it in digits, like 120000, 1,200,000 or 12万."),
               text);
  return FALSE;
}

/* A decimal number with `scale` digits kept after the point (rounded half away from zero):
 * "1,234.567" at scale 2 is 123457. Takes thousands separators, currency signs (¥ $ € 元),
 * 万/亿 (萬/億) suffixes, a minus sign, (parentheses) for negatives and a trailing %, which
 * divides by 100 and is reported. No floating point: 0.1 + 0.2 stays exact. */
gboolean
attain_parse_decimal (const char *text,
                      int         scale,
                      gint64     *out,
                      gboolean   *was_percent,
                      GError    **error)
{
  g_autofree char *norm = NULL;
  g_autoptr (GString) digits = g_string_new (NULL);
  gboolean    negative = FALSE, parens = FALSE, seen_point = FALSE, percent = FALSE;
  int         fraction_digits = 0, exponent = 0;
  guint64     mantissa = 0;
  const char *p;

  g_return_val_if_fail (text != NULL && scale >= 0 && scale <= 6, FALSE);

  norm = normalize (text);
  g_strstrip (norm);
  /* Currency codes CRMs put before or after amounts: "CNY 1,200,000.00", "480000 RMB". */
  {
    static const char *codes[] = { "CNY", "RMB", "USD", "EUR", "HKD", "TWD", "NTD", "JPY" };
    for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
      {
        gsize n = strlen (norm);
        if (g_ascii_strncasecmp (norm, codes[i], 3) == 0)
          {
            memmove (norm, norm + 3, n - 2);
            g_strstrip (norm);
          }
        else if (n >= 3 && g_ascii_strcasecmp (norm + n - 3, codes[i]) == 0)
          {
            norm[n - 3] = '\0';
            g_strstrip (norm);
          }
      }
  }
  p = norm;
  if (*p == '(' && norm[strlen (norm) - 1] == ')')
    {
      parens = TRUE;
      norm[strlen (norm) - 1] = '\0';
      p++;
    }
  for (; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_ascii_isdigit (c))
        {
          if (digits->len >= 18)
            {
              g_set_error (error, ATTAIN_PARSE_ERROR, ATTAIN_PARSE_ERROR_RANGE,
                           _ ("“%s” has too many digits to be a sales figure."), text);
              return FALSE;
            }
          if (digits->len > 0 || c != '0')
            g_string_append_c (digits, (char) c);
          if (seen_point)
            fraction_digits++;
          continue;
        }
      if (c == '.' && !seen_point && exponent == 0 && !percent)
        seen_point = TRUE;
      else if ((c == '-' || c == 0x2212 /* − */) && digits->len == 0 && !seen_point && !negative)
        negative = TRUE;
      else if (c == '+' && digits->len == 0 && !negative)
        ;
      else if ((c == ',' || c == ' ' || c == '\'' || c == 0x00A0) && !seen_point)
        ;
      else if (c == 0x00A5 /* ¥ */ || c == '$' || c == 0x20AC /* € */ || c == 0x5143 /* 元 */
               || c == 0x5186 /* 円 */)
        ;
      else if ((c == 0x4E07 /* 万 */ || c == 0x842C /* 萬 */) && exponent == 0 && !percent)
        exponent = 4;
      else if ((c == 0x4EBF /* 亿 */ || c == 0x5104 /* 億 */) && exponent == 0 && !percent)
        exponent = 8;
      else if (c == '%' && !percent && exponent == 0)
        percent = TRUE;
      else if (g_unichar_isspace (c))
        ;
      else
        return number_error (error, text);
      /* Nothing may follow a unit suffix or % but other signs of the same kind. */
    }
  {
    /* "RMB"/"CNY" prefixes are letters, caught above; an empty string is not a number. */
    gboolean has_digit = FALSE;
    for (const char *q = norm; *q; q++)
      has_digit |= g_ascii_isdigit (*q);
    if (!has_digit)
      return number_error (error, text);
  }
  if (parens && negative)
    return number_error (error, text);

  mantissa = digits->len ? g_ascii_strtoull (digits->str, NULL, 10) : 0;
  /* value = mantissa * 10^(exponent - fraction_digits - 2*percent), kept at `scale` digits. */
  {
    int     shift = scale + exponent - fraction_digits - (percent ? 2 : 0);
    guint64 value = mantissa;

    if (shift >= 0)
      {
        for (int i = 0; i < shift; i++)
          {
            if (value > (guint64) MAX_VALUE / 10)
              {
                g_set_error (error, ATTAIN_PARSE_ERROR, ATTAIN_PARSE_ERROR_RANGE,
                             _ ("“%s” is too large to be a sales figure."), text);
                return FALSE;
              }
            value *= 10;
          }
      }
    else
      {
        guint64 divisor = 1, remainder;
        for (int i = 0; i < -shift && divisor <= G_MAXUINT64 / 10; i++)
          divisor *= 10;
        if (-shift > 19)
          value = 0;
        else
          {
            remainder = value % divisor;
            value /= divisor;
            if (remainder * 2 >= divisor)
              value++;
          }
      }
    *out = (negative || parens) ? -(gint64) value : (gint64) value;
  }
  if (was_percent != NULL)
    *was_percent = percent;
  return TRUE;
}

gboolean
attain_parse_amount (const char *text, gint64 unit_minor, gint64 *out_minor, GError **error)
{
  gint64   value;
  gboolean percent = FALSE;

  g_return_val_if_fail (unit_minor > 0, FALSE);

  /* Parse at six decimals so that "26.2" in a 万元 column is still exact after scaling. */
  if (!attain_parse_decimal (text, 6, &value, &percent, error))
    return FALSE;
  if (percent)
    {
      g_set_error (error, ATTAIN_PARSE_ERROR, ATTAIN_PARSE_ERROR_NUMBER,
                   _ ("“%s” is a percentage, not an amount."), text);
      return FALSE;
    }
  {
    /* value is in millionths of the column's unit; unit_minor minor units per unit. */
    gint64 magnitude = value < 0 ? -value : value;
    gint64 whole = magnitude / 1000000, part = magnitude % 1000000;
    gint64 result;

    if (whole > 0 && unit_minor > MAX_VALUE / whole)
      {
        g_set_error (error, ATTAIN_PARSE_ERROR, ATTAIN_PARSE_ERROR_RANGE,
                     _ ("“%s” is too large to be a sales figure."), text);
        return FALSE;
      }
    result = whole * unit_minor + (part * unit_minor + 500000) / 1000000;
    *out_minor = value < 0 ? -result : result;
  }
  return TRUE;
}

gboolean
attain_parse_integer (const char *text, gint64 min, gint64 max, gint64 *out, GError **error)
{
  gint64   value;
  gboolean percent = FALSE;

  if (!attain_parse_decimal (text, 2, &value, &percent, error))
    return FALSE;
  if (percent || value % 100 != 0)
    {
      g_set_error (error, ATTAIN_PARSE_ERROR, ATTAIN_PARSE_ERROR_NUMBER,
                   _ ("“%s” is not a whole number."), text);
      return FALSE;
    }
  value /= 100;
  if (value < min || value > max)
    {
      g_autofree char *low = g_strdup_printf ("%" G_GINT64_FORMAT, min);
      g_autofree char *high = g_strdup_printf ("%" G_GINT64_FORMAT, max);
      /* Translators: a number outside the range it must be in, e.g. “12” is outside 0–10. */
      g_set_error (error, ATTAIN_PARSE_ERROR, ATTAIN_PARSE_ERROR_RANGE,
                   _ ("“%s” is outside %s–%s."), text, low, high);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

gboolean
attain_date_order_parse (const char *text, AttainDateOrder *out)
{
  static const char *names[] = { "ymd", "mdy", "dmy" };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (text, names[i]) == 0)
      {
        *out = (AttainDateOrder) i;
        return TRUE;
      }
  return FALSE;
}

const char *
attain_date_order_to_string (AttainDateOrder order)
{
  static const char *names[] = { "ymd", "mdy", "dmy" };
  return names[CLAMP ((int) order, 0, 2)];
}

/* Splits "2026年3月5日 10:30", "2026/3/5", "03/05/2026" into up to three numbers; the time of
 * day, if any, is dropped. */
static guint
date_numbers (const char *text, guint64 numbers[3], guint lengths[3], char *separator)
{
  guint       n = 0;
  const char *p = text;

  *separator = 0;
  while (*p && n < 3)
    {
      const char *start = p;
      while (g_ascii_isdigit (*p))
        p++;
      if (p == start || p - start > 8)
        return 0;
      numbers[n] = g_ascii_strtoull (start, NULL, 10);
      lengths[n] = p - start;
      n++;
      if (*p == '\0')
        break;
      if (g_str_has_prefix (p, "年") || g_str_has_prefix (p, "月"))
        {
          *separator = 'c';
          p += strlen ("年");
        }
      else if (g_str_has_prefix (p, "日"))
        {
          p += strlen ("日");
          break;
        }
      else if (*p == '-' || *p == '/' || *p == '.')
        {
          if (*separator && *separator != *p && *separator != 'c')
            return 0;
          *separator = *p;
          p++;
        }
      else if (*p == ' ' || *p == 'T')
        break;
      else
        return 0;
    }
  /* What may follow: a time of day ("10:30", "T10:30:00Z"), nothing else. */
  while (*p == ' ')
    p++;
  if (*p == 'T')
    p++;
  for (; *p; p++)
    if (!g_ascii_isdigit (*p) && *p != ':' && *p != '.' && *p != ' ' && *p != 'Z' && *p != '+'
        && *p != '-')
      return 0;
  return n;
}

gboolean
attain_parse_date (const char *text, AttainDateOrder order, GDate *out, GError **error)
{
  g_autofree char *norm = normalize (text);
  guint64          n[3] = { 0 };
  guint            len[3] = { 0 };
  guint64          year = 0, month = 0, day = 0;
  char             separator;
  guint            count;

  g_strstrip (norm);
  count = date_numbers (norm, n, len, &separator);
  if (count == 1 && len[0] == 8)
    {
      year = n[0] / 10000;
      month = n[0] / 100 % 100;
      day = n[0] % 100;
    }
  else if (count == 3 && len[0] == 4)
    {
      year = n[0];
      month = n[1];
      day = n[2];
    }
  else if (count == 3 && (len[2] == 4 || len[2] == 2) && separator != 'c')
    {
      year = len[2] == 2 ? 2000 + n[2] : n[2];
      if (order == ATTAIN_DATE_ORDER_DMY)
        {
          day = n[0];
          month = n[1];
        }
      else if (order == ATTAIN_DATE_ORDER_MDY)
        {
          month = n[0];
          day = n[1];
        }
      else
        count = 0; /* 05/03/2026 under year-first order is ambiguous: refuse, never guess */
    }
  else
    count = 0;

  if (count == 0 || year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      if (count == 3 && len[0] != 4 && order == ATTAIN_DATE_ORDER_YMD)
        g_set_error (error, ATTAIN_PARSE_ERROR, ATTAIN_PARSE_ERROR_DATE,
                     _ ("“%s” could be day/month or month/day. Choose the file’s date order "
                        "(month first for US exports)."),
                     text);
      else
        g_set_error (error, ATTAIN_PARSE_ERROR, ATTAIN_PARSE_ERROR_DATE,
                     _ ("“%s” is not a date. Use a date like 2026-03-05."), text);
      return FALSE;
    }
  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

/* A month of a target grid's header: "1月", "一月", "Jan", "January", "M1", "2026-01" (the
 * year is ignored here), "01". Gives 1..12. */
gboolean
attain_parse_month (const char *text, int *out_month)
{
  static const char *english[]
      = { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec" };
  static const char *english_full[]
      = { "january", "february", "march",     "april",   "may",      "june",
          "july",    "august",   "september", "october", "november", "december" };
  static const char *chinese[] = { "一月", "二月", "三月", "四月", "五月",   "六月",
                                   "七月", "八月", "九月", "十月", "十一月", "十二月" };
  g_autofree char   *norm = normalize (text);
  g_autofree char   *lower = NULL;
  const char        *p;
  guint64            value;
  char              *end;

  g_strstrip (norm);
  lower = g_ascii_strdown (norm, -1);
  if (g_str_has_suffix (lower, "."))
    lower[strlen (lower) - 1] = '\0';
  /* From December down, so that 十一月 is not taken for 一月. */
  for (int i = 11; i >= 0; i--)
    if (g_str_has_suffix (lower, chinese[i]) || g_str_equal (lower, english[i])
        || g_str_equal (lower, english_full[i]) || (i == 8 && g_str_equal (lower, "sept")))
      {
        *out_month = i + 1;
        return TRUE;
      }
  p = lower;
  /* "2026-01", "2026/1", "2026年1月": the part after the year. */
  if (strlen (p) > 4 && g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[3]) && !g_ascii_isdigit (p[4]))
    {
      p += 4;
      if (g_str_has_prefix (p, "年"))
        p += strlen ("年");
      else if (*p == '-' || *p == '/' || *p == '.')
        p++;
      else
        return FALSE;
    }
  else if (*p == 'm')
    p++;
  value = g_ascii_strtoull (p, &end, 10);
  if (end == p || value < 1 || value > 12)
    return FALSE;
  if (*end != '\0' && !g_str_equal (end, "月") && !g_str_equal (end, "月份"))
    return FALSE;
  *out_month = (int) value;
  return TRUE;
}
