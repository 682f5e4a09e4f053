/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One write, for the crash-consistency test to kill part way:
 *   fault-writer demo FILE       the demo company into an empty file (one transaction)
 *   fault-writer split FILE      this year's company revenue target split into its months
 *   fault-writer open-review FILE  person 5's review of last quarter created (done beforehand)
 *   fault-writer review FILE     a 300-milestone improvement plan saved (one transaction)
 *   fault-writer export FILE DIR the team's review PDFs written into DIR
 * Exits 0 when the write is complete. */
#include <glib.h>
#include <stdlib.h>

#include "model/attain-demo.h"
#include "model/attain-goal-history.h"
#include "model/attain-goal-tree.h"
#include "model/attain-review.h"
#include "report/attain-review-report.h"

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainDb) db = NULL;
  AttainPeriod last_quarter;
  GDate        today;
  gboolean     ok = FALSE;

  if (argc < 3)
    {
      g_printerr ("usage: fault-writer demo|split|review|export FILE [DIR]\n");
      return 2;
    }
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, G_DATE_NOVEMBER, 2026);
  last_quarter = attain_period_shift (&(AttainPeriod){ ATTAIN_PERIOD_QUARTER, 2026, 4, 1 }, -1);
  db = attain_db_open (argv[2], &error);
  if (db == NULL)
    goto out;
  if (g_str_equal (argv[1], "demo"))
    {
      AttainDemoOptions options;
      attain_demo_options_init (&options, &today);
      ok = attain_demo_generate (db, &options, NULL, NULL, &error);
    }
  else if (g_str_equal (argv[1], "split"))
    {
      AttainPeriod year = { ATTAIN_PERIOD_YEAR, 2026, 0, 1 };
      g_autoptr (AttainGoalTree) tree
          = attain_goal_tree_load (db, &year, "revenue", &today, &error);
      g_autoptr (AttainGoalHistory) history = attain_goal_history_new (db);
      AttainGoalEdit *edit = tree ? attain_goal_tree_split_in_time (
                                 db, tree, 0, ATTAIN_PERIOD_MONTH, ATTAIN_SPLIT_EVEN, &error)
                                  : NULL;
      ok = edit != NULL && attain_goal_history_apply (history, edit, &error);
    }
  else if (g_str_equal (argv[1], "open-review"))
    {
      g_autoptr (AttainReview) review = attain_review_open (db, 5, &last_quarter, &error);
      ok = review != NULL;
    }
  else if (g_str_equal (argv[1], "review"))
    {
      g_autoptr (AttainReview) review = attain_review_open (db, 5, &last_quarter, &error);
      g_autoptr (GPtrArray) plan
          = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_milestone_free);
      for (guint i = 0; i < 300; i++)
        {
          g_autofree char *what = g_strdup_printf ("第 %u 步：每周复盘应收账款", i + 1);
          g_ptr_array_add (plan, attain_milestone_new (what, "2026-12-31", "逾期应收低于 10%",
                                                       ATTAIN_MILESTONE_PLANNED));
        }
      ok = review != NULL && attain_review_set_milestones (db, review, plan, &error);
    }
  else if (g_str_equal (argv[1], "export") && argc > 3)
    {
      AttainScope team;
      g_autoptr (GArray) people = NULL;
      if (attain_org_describe (db, &(AttainScope){ ATTAIN_SCOPE_PERSON, 5 }, NULL, NULL, &team,
                               NULL, &error)
          && (people = attain_review_team_people (db, team.id, &error)) != NULL)
        ok = attain_review_reports_write (db, people, &last_quarter, &today, "zh-cn", FALSE, NULL,
                                          argv[3], NULL, NULL, &error);
    }
  else
    g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "unknown write “%s”", argv[1]);
out:
  if (!ok)
    g_printerr ("%s\n", error ? error->message : "failed");
  return ok ? 0 : 1;
}
