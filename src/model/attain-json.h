/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>
#include <math.h>

G_BEGIN_DECLS

/* A figure that may be undefined (NAN: no target, no answers) is null in JSON, never 0. */
static inline void
attain_json_add_number (JsonBuilder *builder, const char *name, double value)
{
  json_builder_set_member_name (builder, name);
  if (isnan (value) || isinf (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

G_END_DECLS
