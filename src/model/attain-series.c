/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-series.h"

#include <math.h>

AttainTrendData *
attain_trend_data_new (guint n_points)
{
  AttainTrendData *data = g_new0 (AttainTrendData, 1);

  data->n_points = n_points;
  data->labels = g_new0 (char *, n_points + 1);
  data->actual = g_new (double, n_points);
  data->target = g_new (double, n_points);
  data->previous = g_new (double, n_points);
  for (guint i = 0; i < n_points; i++)
    data->actual[i] = data->target[i] = data->previous[i] = NAN;
  data->period_first = data->period_last = data->partial_index = -1;
  return data;
}

void
attain_trend_data_free (AttainTrendData *data)
{
  if (data == NULL)
    return;
  g_strfreev (data->labels);
  g_free (data->actual);
  g_free (data->target);
  g_free (data->previous);
  g_free (data->actual_label);
  g_free (data->target_label);
  g_free (data->previous_label);
  g_free (data->partial_label);
  g_free (data->currency);
  g_free (data);
}

AttainFunnelData *
attain_funnel_data_new (guint n_stages)
{
  AttainFunnelData *data = g_new0 (AttainFunnelData, 1);

  data->n_stages = n_stages;
  data->stages = g_new0 (AttainFunnelStage, n_stages);
  for (guint i = 0; i < n_stages; i++)
    data->stages[i].conversion = data->stages[i].mean_days = NAN;
  return data;
}

void
attain_funnel_data_free (AttainFunnelData *data)
{
  if (data == NULL)
    return;
  for (guint i = 0; i < data->n_stages; i++)
    g_free (data->stages[i].name);
  g_free (data->stages);
  g_free (data->currency);
  g_free (data);
}

AttainTrendData *
attain_trend_data_copy (const AttainTrendData *data)
{
  AttainTrendData *copy;

  if (data == NULL)
    return NULL;
  copy = attain_trend_data_new (data->n_points);
  for (guint i = 0; i < data->n_points; i++)
    {
      copy->labels[i] = g_strdup (data->labels[i]);
      copy->actual[i] = data->actual[i];
      copy->target[i] = data->target[i];
      copy->previous[i] = data->previous[i];
    }
  copy->actual_label = g_strdup (data->actual_label);
  copy->target_label = g_strdup (data->target_label);
  copy->previous_label = g_strdup (data->previous_label);
  copy->partial_label = g_strdup (data->partial_label);
  copy->period_first = data->period_first;
  copy->period_last = data->period_last;
  copy->partial_index = data->partial_index;
  copy->kind = data->kind;
  copy->currency = g_strdup (data->currency);
  copy->style = data->style;
  return copy;
}

AttainFunnelData *
attain_funnel_data_copy (const AttainFunnelData *data)
{
  AttainFunnelData *copy;

  if (data == NULL)
    return NULL;
  copy = attain_funnel_data_new (data->n_stages);
  for (guint i = 0; i < data->n_stages; i++)
    {
      copy->stages[i] = data->stages[i];
      copy->stages[i].name = g_strdup (data->stages[i].name);
    }
  copy->currency = g_strdup (data->currency);
  copy->style = data->style;
  return copy;
}
