/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-demo.h"

#include "attain-gettext.h"
#include <math.h>
#include <string.h>

#include "attain-period.h"
#include "attain-rollup.h"

/* A deterministic (by seed and today) Chinese sales organisation: regions, teams, people with
 * skills, customers in tiers, and months of deals moving through stages, collections,
 * activities and customer feedback, with goals set the way a director would set them. */

static const char *surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
  "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
  "肖", "田", "董", "袁", "潘", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "沈",
};
static const char *given[] = {
  "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
  "超", "霞", "平", "刚", "华", "飞", "鹏", "辉", "玲", "婷", "雪", "琳", "晨", "宇", "浩", "凯",
  "欣", "怡", "俊", "博", "文", "斌", "宁", "悦", "思", "佳", "嘉", "子", "晓", "建", "志", "海",
};
static const char *region_names[] = { "华东区", "华北区", "华南区", "华中区", "西南区", "西北区" };
static const char *region_cities[][3] = {
  { "上海", "杭州", "南京" }, { "北京", "天津", "济南" }, { "广州", "深圳", "厦门" },
  { "武汉", "长沙", "郑州" }, { "成都", "重庆", "昆明" }, { "西安", "兰州", "银川" },
};
static const char *company_words[] = {
  "恒达", "华信", "中科", "远航", "瑞丰", "金桥", "宏图", "天成", "创新", "鼎盛",
  "新锐", "汇通", "永泰", "精工", "博远", "东方", "海纳", "安捷", "众合", "长城",
};
static const char *company_trades[] = {
  "机械", "电子", "物流", "医药", "化工", "汽车零部件", "食品", "能源", "建材", "纺织",
};
static const char *product_lines[] = { "工业传感器", "控制系统", "运维服务" };
/* Chinese B2B seasonality: Spring Festival slump, quarter-end and year-end pushes. */
static const double seasonality[12]
    = { 0.85, 0.6, 1.0, 0.95, 1.0, 1.15, 0.9, 0.9, 1.1, 0.95, 1.05, 1.35 };
static const double lost_at_stage[4] = { 0.35, 0.30, 0.20, 0.15 };

typedef struct
{
  gint64 id;
  gint64 unit_id;
  guint  region;
  double skill;
  GDate  hired;
} DemoPerson;

typedef struct
{
  gint64 id;
  char   tier;
} DemoCustomer;

typedef struct
{
  AttainDb                *db;
  const AttainDemoOptions *options;
  GRand                   *rand;
  GError                 **error;
} Demo;

void
attain_demo_options_init (AttainDemoOptions *options, const GDate *today)
{
  memset (options, 0, sizeof *options);
  options->seed = 20261123;
  options->people = 60;
  options->years = 3;
  options->deals = 0;
  options->today = *today;
}

static double
gaussian (GRand *rand)
{
  double u1 = g_rand_double_range (rand, 1e-12, 1.0);
  double u2 = g_rand_double (rand);

  return sqrt (-2.0 * log (u1)) * cos (2.0 * G_PI * u2);
}

static guint
poisson (GRand *rand, double mean)
{
  /* Knuth for small means, a rounded normal for large ones (scale mode). */
  if (mean > 30)
    {
      long k = lround (mean + sqrt (mean) * gaussian (rand));
      return (guint) MAX (0, k);
    }
  {
    double limit = exp (-mean), product = g_rand_double (rand);
    guint  k = 0;
    while (product > limit)
      {
        k++;
        product *= g_rand_double (rand);
      }
    return k;
  }
}

static gboolean
step_insert (Demo *demo, sqlite3_stmt *stmt, gint64 *id_out)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return attain_db_set_error (demo->db, demo->error, _ ("Writing the demo company"));
  if (id_out != NULL)
    *id_out = attain_db_last_insert_id (demo->db);
  sqlite3_reset (stmt);
  /* No intermediate commits: a demo killed halfway must leave the file empty, not a company
   * with half its history (the whole demo is one transaction, even in scale mode). */
  return TRUE;
}

static char *
make_person_name (GRand *rand, GHashTable *taken)
{
  for (int attempt = 0;; attempt++)
    {
      g_autoptr (GString) name
          = g_string_new (surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (surnames))]);
      g_string_append (name, given[g_rand_int_range (rand, 0, G_N_ELEMENTS (given))]);
      if (g_rand_double (rand) < 0.6)
        g_string_append (name, given[g_rand_int_range (rand, 0, G_N_ELEMENTS (given))]);
      /* Real companies have namesakes, but a demo reads better without them while it can. */
      if (!g_hash_table_contains (taken, name->str) || attempt > 20)
        {
          g_hash_table_add (taken, g_strdup (name->str));
          return g_string_free (g_steal_pointer (&name), FALSE);
        }
    }
}

static char *
iso (const GDate *date)
{
  return attain_date_to_iso (date);
}

static gint64
round_target (double minor)
{
  /* Directors set round numbers: whole thousands of yuan. */
  return (gint64) llround (minor / 100000.0) * 100000;
}

gboolean
attain_demo_generate (AttainDb                *db,
                      const AttainDemoOptions *options,
                      AttainProgressFunc       progress,
                      gpointer                 user_data,
                      GError                 **error)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (options->seed);
  g_autoptr (GArray) people = g_array_new (FALSE, TRUE, sizeof (DemoPerson));
  g_autoptr (GPtrArray) customers_by_region
      = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr (GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GArray) region_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_autofree double *region_month_won = NULL;
  g_autofree gint64 *stage_ids = NULL;
  g_autofree gint64 *position_ids = NULL;
  Demo               demo = { db, options, rand, error };
  guint              n_regions, n_teams, first_year, n_months, last_month;
  int                fy_start;
  double             deals_per_person_month;
  gint64             company_id;
  sqlite3_stmt      *stmt;
  int                today_month = attain_month_from_date (&options->today);

  g_return_val_if_fail (db != NULL && options != NULL, FALSE);
  g_return_val_if_fail (g_date_valid (&options->today), FALSE);

  /* Bounded so that a typo cannot start hours of work or fill the disk. */
  if (options->people > 10000 || options->deals > 10000000)
    {
      g_set_error (error, ATTAIN_DB_ERROR, ATTAIN_DB_ERROR_INVALID,
                   _ ("A demo company has at most 10,000 salespeople and 10,000,000 deals."));
      return FALSE;
    }
  if (options->people < 1 || options->years < 1 || options->years > 20)
    {
      g_set_error (error, ATTAIN_DB_ERROR, ATTAIN_DB_ERROR_INVALID,
                   _ ("A demo company needs at least one salesperson and 1 to 20 years of "
                      "history."));
      return FALSE;
    }

  fy_start = attain_db_get_setting_int (db, "fiscal_year_start_month", 1);
  first_year = g_date_get_year (&options->today) - options->years + 1;
  /* History up to today, goals up to the end of today's year. */
  last_month = g_date_get_year (&options->today) * 100 + 12;
  n_months = (g_date_get_year (&options->today) - first_year + 1) * 12;
  n_teams = MAX (1, (options->people + 7) / 8);
  n_regions = MIN (G_N_ELEMENTS (region_names), MAX (1, n_teams <= 8 ? 3 : n_teams / 4));
  n_regions = MIN (n_regions, n_teams);
  deals_per_person_month = 6.0;
  if (options->deals > 0)
    {
      /* Spread the requested total over the months as seasonality and growth weigh them. */
      double weight = 0;
      for (int month = first_year * 100 + 1; month <= today_month;
           month = attain_month_add (month, 1))
        weight += seasonality[month % 100 - 1] * pow (1.08, month / 100 - (int) first_year);
      deals_per_person_month = (double) options->deals / ((double) options->people * weight);
    }

  /* A fresh demo can be regenerated, so trade the fsync per commit for speed here. */
  if (!attain_db_exec (db, "PRAGMA synchronous = OFF", error) || !attain_db_begin (db, error))
    return FALSE;
  /* Checked inside the write transaction: two demos started at once on one file make one
   * company, and the second says the file is taken. */
  if (!attain_db_is_empty (db))
    {
      attain_db_rollback (db);
      attain_db_exec (db, "PRAGMA synchronous = FULL", NULL);
      g_set_error (error, ATTAIN_DB_ERROR, ATTAIN_DB_ERROR_INVALID,
                   _ ("“%s” already holds a company. The demo company is only created in an "
                      "empty database; choose a new file."),
                   attain_db_get_path (db));
      return FALSE;
    }

  /* Stages and positions come from migration 2. */
  stage_ids = g_new0 (gint64, 6);
  position_ids = g_new0 (gint64, 6);
  stmt = attain_db_prepare (db, "SELECT position, id FROM stages WHERE position BETWEEN 1 AND 5",
                            error);
  if (stmt == NULL)
    goto fail;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    stage_ids[sqlite3_column_int (stmt, 0)] = sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);
  stmt = attain_db_prepare (db, "SELECT rank, id FROM positions WHERE rank BETWEEN 1 AND 5", error);
  if (stmt == NULL)
    goto fail;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    position_ids[sqlite3_column_int (stmt, 0)] = sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);
  for (int i = 1; i <= 5; i++)
    if (stage_ids[i] == 0 || position_ids[i] == 0)
      {
        g_set_error (error, ATTAIN_DB_ERROR, ATTAIN_DB_ERROR_INVALID,
                     _ ("The database lacks the built-in stages or positions; it was not created "
                        "by Attain."));
        goto fail;
      }

  /* Organisation. */
  stmt = attain_db_prepare (db, "INSERT INTO org_units (parent_id, kind, name) VALUES (?1, ?2, ?3)",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_null (stmt, 1);
  sqlite3_bind_text (stmt, 2, "company", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, "华辰智能科技有限公司", -1, SQLITE_STATIC);
  if (!step_insert (&demo, stmt, &company_id))
    goto fail;
  for (guint r = 0; r < n_regions; r++)
    {
      gint64 id;
      sqlite3_bind_int64 (stmt, 1, company_id);
      sqlite3_bind_text (stmt, 2, "region", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, region_names[r], -1, SQLITE_STATIC);
      if (!step_insert (&demo, stmt, &id))
        goto fail;
      g_array_append_val (region_ids, id);
    }

  for (guint t = 0; t < n_teams; t++)
    {
      guint            region = t % n_regions;
      guint            in_region = t / n_regions;
      const char      *city = region_cities[region][in_region % 3];
      g_autofree char *name = in_region < 3
                                  ? g_strdup_printf ("%s销售组", city)
                                  : g_strdup_printf ("%s销售%u组", city, in_region / 3 + 1);
      gint64           team_id;
      guint members = options->people / n_teams + (t < options->people % n_teams ? 1 : 0);

      sqlite3_stmt *unit = attain_db_prepare (
          db, "INSERT INTO org_units (parent_id, kind, name) VALUES (?1, ?2, ?3)", error);
      if (unit == NULL)
        goto fail;
      sqlite3_bind_int64 (unit, 1, g_array_index (region_ids, gint64, region));
      sqlite3_bind_text (unit, 2, "team", -1, SQLITE_STATIC);
      sqlite3_bind_text (unit, 3, name, -1, SQLITE_TRANSIENT);
      if (!step_insert (&demo, unit, &team_id))
        goto fail;

      for (guint m = 0; m < members; m++)
        {
          DemoPerson       person = { 0 };
          g_autofree char *person_name = make_person_name (rand, taken);
          g_autofree char *hired_iso = NULL;
          int              rank = m == 0 ? 3 : (g_rand_double (rand) < 0.35 ? 2 : 1);

          person.unit_id = team_id;
          person.region = region;
          /* CLAMP evaluates its argument more than once: draw first. */
          person.skill = 1.0 + 0.25 * gaussian (rand) + (rank == 3 ? 0.15 : rank == 2 ? 0.08 : 0);
          person.skill = CLAMP (person.skill, 0.5, 1.6);
          g_date_clear (&person.hired, 1);
          g_date_set_dmy (&person.hired, g_rand_int_range (rand, 1, 28),
                          g_rand_int_range (rand, 1, 13),
                          first_year - g_rand_int_range (rand, 0, 6));
          hired_iso = iso (&person.hired);

          sqlite3_stmt *insert
              = attain_db_prepare (db,
                                   "INSERT INTO people (unit_id, position_id, name, hired_on) "
                                   "VALUES (?1, ?2, ?3, ?4)",
                                   error);
          if (insert == NULL)
            goto fail;
          sqlite3_bind_int64 (insert, 1, team_id);
          sqlite3_bind_int64 (insert, 2, position_ids[rank]);
          sqlite3_bind_text (insert, 3, person_name, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (insert, 4, hired_iso, -1, SQLITE_TRANSIENT);
          if (!step_insert (&demo, insert, &person.id))
            goto fail;
          g_array_append_val (people, person);
        }
    }

  /* Customers: about 100 per salesperson, a few large A accounts and many small C ones, so new
   * accounts keep being signed over the years. */
  stmt = attain_db_prepare (db, "INSERT INTO customers (name, tier, unit_id) VALUES (?1, ?2, ?3)",
                            error);
  if (stmt == NULL)
    goto fail;
  for (guint r = 0; r < n_regions; r++)
    {
      GArray *list = g_array_new (FALSE, TRUE, sizeof (DemoCustomer));
      guint   count = MAX (100, options->people * 100 / n_regions);

      g_ptr_array_add (customers_by_region, list);
      for (guint c = 0; c < count; c++)
        {
          DemoCustomer     customer;
          double           roll = g_rand_double (rand);
          g_autofree char *name = g_strdup_printf (
              "%s%s%s有限公司", region_cities[r][g_rand_int_range (rand, 0, 3)],
              company_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (company_words))],
              company_trades[g_rand_int_range (rand, 0, G_N_ELEMENTS (company_trades))]);

          customer.tier = roll < 0.15 ? 'A' : roll < 0.5 ? 'B' : 'C';
          sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 2, (char[]){ customer.tier, 0 }, 1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 3, g_array_index (region_ids, gint64, r));
          if (!step_insert (&demo, stmt, &customer.id))
            goto fail;
          g_array_append_val (list, customer);
        }
    }

  region_month_won = g_new0 (double, n_regions *n_months);

  /* Activity per person and month. */
  for (guint p = 0; p < people->len; p++)
    {
      DemoPerson *person = &g_array_index (people, DemoPerson, p);
      GArray     *customers = g_ptr_array_index (customers_by_region, person->region);
      double      win_rate = CLAMP (0.24 * person->skill, 0.06, 0.5);

      for (guint mi = 0; mi < n_months; mi++)
        {
          int    month = attain_month_add (first_year * 100 + 1, mi);
          int    year = month / 100, mon = month % 100;
          int    days_in_month = g_date_get_days_in_month (mon, year);
          double growth = pow (1.08, year - (int) first_year);
          guint  n_deals, n_activities, n_surveys;

          if (month > today_month)
            break;

          n_deals = poisson (rand, deals_per_person_month * seasonality[mon - 1] * growth
                                       * sqrt (person->skill));
          for (guint d = 0; d < n_deals; d++)
            {
              DemoCustomer *customer = &g_array_index (customers, DemoCustomer,
                                                       g_rand_int_range (rand, 0, customers->len));
              double base = customer->tier == 'A' ? 300000 : customer->tier == 'B' ? 120000 : 50000;
              gint64 amount = (gint64) llround (base * exp (0.5 * gaussian (rand))) * 100;
              double margin = 0.3 + 0.06 * gaussian (rand);
              gboolean won = g_rand_double (rand) < win_rate;

              margin = CLAMP (margin, 0.08, 0.55);
              int              furthest = 5;
              GDate            created, stage_date, expected;
              g_autofree char *created_iso = NULL;
              g_autofree char *expected_iso = NULL;
              g_autofree char *closed_iso = NULL;
              const char      *status = "open";
              int              reached = 1;
              gint64           deal_id;
              GDate            entered[6];

              if (!won)
                {
                  double roll = g_rand_double (rand), acc = 0;
                  for (furthest = 1; furthest < 4; furthest++)
                    if (roll < (acc += lost_at_stage[furthest - 1]))
                      break;
                }

              g_date_clear (&created, 1);
              g_date_set_dmy (&created, g_rand_int_range (rand, 1, days_in_month + 1), mon, year);
              if (g_date_compare (&created, &options->today) > 0)
                continue;
              created_iso = iso (&created);
              expected = created;
              g_date_add_days (&expected, 45 + g_rand_int_range (rand, 0, 60));
              expected_iso = iso (&expected);

              /* Walk the stages; whatever would happen after today has not happened yet. */
              stage_date = created;
              entered[1] = created;
              for (int s = 2; s <= furthest; s++)
                {
                  g_date_add_days (&stage_date, g_rand_int_range (rand, 5, 22));
                  if (g_date_compare (&stage_date, &options->today) > 0)
                    break;
                  entered[s] = stage_date;
                  reached = s;
                }
              if (won && reached == 5)
                {
                  status = "won";
                  closed_iso = iso (&entered[5]);
                }
              else if (!won && reached == furthest)
                {
                  GDate lost = entered[reached];
                  g_date_add_days (&lost, g_rand_int_range (rand, 3, 20));
                  if (g_date_compare (&lost, &options->today) <= 0)
                    {
                      status = "lost";
                      closed_iso = iso (&lost);
                    }
                }

              stmt = attain_db_prepare (
                  db,
                  "INSERT INTO deals (owner_id, customer_id, product_line, stage_id, "
                  "status, amount, gross_profit, created_on, expected_close, closed_on) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                  error);
              if (stmt == NULL)
                goto fail;
              sqlite3_bind_int64 (stmt, 1, person->id);
              sqlite3_bind_int64 (stmt, 2, customer->id);
              sqlite3_bind_text (stmt, 3, product_lines[g_rand_int_range (rand, 0, 3)], -1,
                                 SQLITE_STATIC);
              sqlite3_bind_int64 (stmt, 4, stage_ids[reached]);
              sqlite3_bind_text (stmt, 5, status, -1, SQLITE_STATIC);
              sqlite3_bind_int64 (stmt, 6, amount);
              sqlite3_bind_int64 (stmt, 7, (gint64) llround (amount * margin));
              sqlite3_bind_text (stmt, 8, created_iso, -1, SQLITE_STATIC);
              sqlite3_bind_text (stmt, 9, expected_iso, -1, SQLITE_STATIC);
              if (closed_iso != NULL)
                sqlite3_bind_text (stmt, 10, closed_iso, -1, SQLITE_STATIC);
              else
                sqlite3_bind_null (stmt, 10);
              if (!step_insert (&demo, stmt, &deal_id))
                goto fail;

              stmt = attain_db_prepare (
                  db,
                  "INSERT INTO deal_stage_history (deal_id, stage_id, entered_on) "
                  "VALUES (?1, ?2, ?3)",
                  error);
              if (stmt == NULL)
                goto fail;
              for (int s = 1; s <= reached; s++)
                {
                  g_autofree char *entered_iso = iso (&entered[s]);
                  sqlite3_bind_int64 (stmt, 1, deal_id);
                  sqlite3_bind_int64 (stmt, 2, stage_ids[s]);
                  sqlite3_bind_text (stmt, 3, entered_iso, -1, SQLITE_TRANSIENT);
                  if (!step_insert (&demo, stmt, NULL))
                    goto fail;
                }

              if (g_strcmp0 (status, "won") == 0)
                {
                  GDate  invoiced = entered[5], collected;
                  double roll = g_rand_double (rand);
                  gint64 collected_amount = roll < 0.85 ? amount : roll < 0.95 ? amount / 2 : 0;
                  g_autofree char *invoiced_iso = NULL;
                  g_autofree char *collected_iso = NULL;
                  int              close_month = attain_month_from_date (&entered[5]);
                  int index = (close_month / 100 - first_year) * 12 + close_month % 100 - 1;

                  region_month_won[person->region * n_months + index] += amount;

                  g_date_add_days (&invoiced, g_rand_int_range (rand, 0, 10));
                  collected = invoiced;
                  g_date_add_days (&collected, g_rand_int_range (rand, 10, 75));
                  if (g_date_compare (&invoiced, &options->today) > 0)
                    continue;
                  invoiced_iso = iso (&invoiced);
                  if (g_date_compare (&collected, &options->today) > 0)
                    collected_amount = 0;
                  if (collected_amount > 0)
                    collected_iso = iso (&collected);

                  stmt = attain_db_prepare (
                      db,
                      "INSERT INTO collections (deal_id, owner_id, invoice_amount, "
                      "collected_amount, invoiced_on, collected_on) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                      error);
                  if (stmt == NULL)
                    goto fail;
                  sqlite3_bind_int64 (stmt, 1, deal_id);
                  sqlite3_bind_int64 (stmt, 2, person->id);
                  sqlite3_bind_int64 (stmt, 3, amount);
                  sqlite3_bind_int64 (stmt, 4, collected_amount);
                  sqlite3_bind_text (stmt, 5, invoiced_iso, -1, SQLITE_STATIC);
                  if (collected_iso != NULL)
                    sqlite3_bind_text (stmt, 6, collected_iso, -1, SQLITE_STATIC);
                  else
                    sqlite3_bind_null (stmt, 6);
                  if (!step_insert (&demo, stmt, NULL))
                    goto fail;
                }
            }

          /* Five activities per deal on average: visits, calls, emails, demos. */
          n_activities = poisson (rand, deals_per_person_month * 5.0 * seasonality[mon - 1] * growth
                                            * pow (person->skill, 0.3));
          stmt = attain_db_prepare (
              db,
              "INSERT INTO activities (owner_id, customer_id, kind, tier, happened_on) "
              "VALUES (?1, ?2, ?3, ?4, ?5)",
              error);
          if (stmt == NULL)
            goto fail;
          for (guint a = 0; a < n_activities; a++)
            {
              DemoCustomer *customer = &g_array_index (customers, DemoCustomer,
                                                       g_rand_int_range (rand, 0, customers->len));
              double        roll = g_rand_double (rand);
              const char   *kind = roll < 0.4    ? "visit"
                                   : roll < 0.73 ? "call"
                                   : roll < 0.93 ? "email"
                                                 : "demo";
              GDate         day;
              char          date[16];

              g_date_clear (&day, 1);
              g_date_set_dmy (&day, g_rand_int_range (rand, 1, days_in_month + 1), mon, year);
              if (g_date_compare (&day, &options->today) > 0)
                continue;
              g_snprintf (date, sizeof date, "%04d-%02d-%02d", year, mon, g_date_get_day (&day));
              sqlite3_bind_int64 (stmt, 1, person->id);
              sqlite3_bind_int64 (stmt, 2, customer->id);
              sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);
              sqlite3_bind_text (stmt, 4, (char[]){ customer->tier, 0 }, 1, SQLITE_TRANSIENT);
              sqlite3_bind_text (stmt, 5, date, -1, SQLITE_TRANSIENT);
              if (!step_insert (&demo, stmt, NULL))
                goto fail;
            }

          /* Customer feedback: a few surveys, now and then a complaint. */
          n_surveys = poisson (rand, 3.0);
          stmt = attain_db_prepare (
              db,
              "INSERT INTO feedback (owner_id, customer_id, kind, score, scale_max, "
              "recommend, given_on, resolved_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
              error);
          if (stmt == NULL)
            goto fail;
          for (guint f = 0; f <= n_surveys; f++)
            {
              gboolean         complaint = f == n_surveys;
              GDate            day, resolved;
              g_autofree char *day_iso = NULL;
              g_autofree char *resolved_iso = NULL;

              if (complaint && g_rand_double (rand) > 0.2 / person->skill)
                break;
              g_date_clear (&day, 1);
              g_date_set_dmy (&day, g_rand_int_range (rand, 1, days_in_month + 1), mon, year);
              if (g_date_compare (&day, &options->today) > 0)
                continue;
              day_iso = iso (&day);
              sqlite3_bind_int64 (stmt, 1, person->id);
              sqlite3_bind_int64 (stmt, 2,
                                  g_array_index (customers, DemoCustomer,
                                                 g_rand_int_range (rand, 0, customers->len))
                                      .id);
              sqlite3_bind_text (stmt, 3, complaint ? "complaint" : "survey", -1, SQLITE_STATIC);
              if (complaint)
                {
                  sqlite3_bind_null (stmt, 4);
                  sqlite3_bind_null (stmt, 5);
                  sqlite3_bind_null (stmt, 6);
                  resolved = day;
                  g_date_add_days (&resolved, g_rand_int_range (rand, 1, 15));
                  if (g_date_compare (&resolved, &options->today) <= 0)
                    resolved_iso = iso (&resolved);
                }
              else
                {
                  double mood = 0.75 * person->skill + 0.15 * gaussian (rand);
                  int    score, recommend;

                  mood = CLAMP (mood, 0, 1);
                  score = (int) lround (1 + 4 * mood);
                  recommend = (int) lround (10 * mood + gaussian (rand));
                  sqlite3_bind_int (stmt, 4, CLAMP (score, 1, 5));
                  sqlite3_bind_int (stmt, 5, 5);
                  sqlite3_bind_int (stmt, 6, CLAMP (recommend, 0, 10));
                }
              sqlite3_bind_text (stmt, 7, day_iso, -1, SQLITE_STATIC);
              if (resolved_iso != NULL)
                sqlite3_bind_text (stmt, 8, resolved_iso, -1, SQLITE_STATIC);
              else
                sqlite3_bind_null (stmt, 8);
              if (!step_insert (&demo, stmt, NULL))
                goto fail;
            }
        }

      if (progress != NULL)
        progress (0.9 * (p + 1) / people->len, user_data);
      if (g_cancellable_set_error_if_cancelled (options->cancellable, error))
        goto fail;
    }

  /* Market size: our sales are 12-20% of each region's market, smoothed. */
  stmt = attain_db_prepare (
      db, "INSERT INTO market_size (unit_id, month, amount) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    goto fail;
  for (guint r = 0; r < n_regions; r++)
    for (guint mi = 0; mi < n_months; mi++)
      {
        int    month = attain_month_add (first_year * 100 + 1, mi);
        double won = region_month_won[r * n_months + mi];
        if (month > today_month || won <= 0)
          continue;
        sqlite3_bind_int64 (stmt, 1, g_array_index (region_ids, gint64, r));
        sqlite3_bind_int (stmt, 2, month);
        sqlite3_bind_int64 (stmt, 3, round_target (won / g_rand_double_range (rand, 0.12, 0.2)));
        if (!step_insert (&demo, stmt, NULL))
          goto fail;
      }

  /* Goals: monthly per person from what they can do, a little above it, as a director sets
   * them; then year goals up the tree as their sums, linked as a decomposition. */
  {
    double mean_amount = (0.15 * 300000 + 0.35 * 120000 + 0.5 * 50000) * exp (0.125) * 100;
    g_autoptr (GHashTable) team_year
        = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
    guint n_years = options->years;

    for (guint y = 0; y < n_years; y++)
      {
        int                year = first_year + y;
        double             growth = pow (1.08, y);
        gint64             company_goal, company_sum = 0;
        g_autofree gint64 *region_sum = g_new0 (gint64, n_regions);
        g_autofree gint64 *region_goal = g_new0 (gint64, n_regions);
        g_autofree char   *year_start = NULL;
        g_autofree char   *year_end = NULL;
        AttainPeriod       fy = { ATTAIN_PERIOD_YEAR, year, 0, fy_start };
        GDate              first, last;
        static const struct
        {
          const char *metric;
          int         target;
          int         lower;
        } rate_goals[] = {
          { "collection_rate", 9000, 0 }, { "gross_margin", 3000, 0 }, { "nps", 4000, 0 },
          { "lead_to_won", 2200, 0 },     { "sales_cycle", 45, 1 },    { "complaint_rate", 150, 1 },
        };

        attain_period_bounds (&fy, &first, &last);
        year_start = iso (&first);
        year_end = iso (&last);
        g_hash_table_remove_all (team_year);

        /* Sums first, so each parent goal can be written before its children. */
        for (guint p = 0; p < people->len; p++)
          {
            DemoPerson *person = &g_array_index (people, DemoPerson, p);
            double      stretch = 0.55 + 0.45 * person->skill;
            gint64      sum = 0;
            gint64     *team;

            for (int m = 1; m <= 12; m++)
              sum += round_target (deals_per_person_month * seasonality[m - 1] * growth * 0.24
                                   * stretch * sqrt (person->skill) * mean_amount * 1.05);
            team = g_hash_table_lookup (team_year, &person->unit_id);
            if (team == NULL)
              {
                team = g_new0 (gint64, 1);
                g_hash_table_insert (team_year, g_memdup2 (&person->unit_id, sizeof (gint64)),
                                     team);
              }
            *team += sum;
            region_sum[person->region] += sum;
            company_sum += sum;
          }

        stmt = attain_db_prepare (
            db,
            "INSERT INTO goals (parent_id, owner_unit_id, owner_person_id, metric, "
            "type, target, unit, period_kind, period_start, period_end, deadline, "
            "weight, lower_is_better, proposed_by, agreed_on) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?11, ?12, ?13, ?14)",
            error);
        if (stmt == NULL)
          goto fail;

#define BIND_GOAL(parent, unit, person, metric, type, target, unit_text, kind, start, end, weight, \
                  lower)                                                                           \
  G_STMT_START                                                                                     \
  {                                                                                                \
    if ((parent) > 0)                                                                              \
      sqlite3_bind_int64 (stmt, 1, (parent));                                                      \
    else                                                                                           \
      sqlite3_bind_null (stmt, 1);                                                                 \
    if ((unit) > 0)                                                                                \
      sqlite3_bind_int64 (stmt, 2, (unit));                                                        \
    else                                                                                           \
      sqlite3_bind_null (stmt, 2);                                                                 \
    if ((person) > 0)                                                                              \
      sqlite3_bind_int64 (stmt, 3, (person));                                                      \
    else                                                                                           \
      sqlite3_bind_null (stmt, 3);                                                                 \
    sqlite3_bind_text (stmt, 4, (metric), -1, SQLITE_STATIC);                                      \
    sqlite3_bind_text (stmt, 5, (type), -1, SQLITE_STATIC);                                        \
    sqlite3_bind_int64 (stmt, 6, (target));                                                        \
    sqlite3_bind_text (stmt, 7, (unit_text), -1, SQLITE_STATIC);                                   \
    sqlite3_bind_text (stmt, 8, (kind), -1, SQLITE_STATIC);                                        \
    sqlite3_bind_text (stmt, 9, (start), -1, SQLITE_TRANSIENT);                                    \
    sqlite3_bind_text (stmt, 10, (end), -1, SQLITE_TRANSIENT);                                     \
    sqlite3_bind_int (stmt, 11, (weight));                                                         \
    sqlite3_bind_int (stmt, 12, (lower));                                                          \
    sqlite3_bind_text (stmt, 13, "director", -1, SQLITE_STATIC);                                   \
    sqlite3_bind_text (stmt, 14, (start), -1, SQLITE_TRANSIENT);                                   \
  }                                                                                                \
  G_STMT_END

        company_goal = 0;
        BIND_GOAL (0, company_id, 0, "revenue", "result", company_sum, "CNY", "year", year_start,
                   year_end, 10000, 0);
        if (!step_insert (&demo, stmt, &company_goal))
          goto fail;
        for (guint g = 0; g < G_N_ELEMENTS (rate_goals); g++)
          {
            BIND_GOAL (0, company_id, 0, rate_goals[g].metric, "result", rate_goals[g].target,
                       rate_goals[g].lower ? "days" : "%", "year", year_start, year_end, 0,
                       rate_goals[g].lower);
            if (g_str_equal (rate_goals[g].metric, "nps"))
              sqlite3_bind_text (stmt, 7, "points", -1, SQLITE_STATIC);
            if (g_str_equal (rate_goals[g].metric, "complaint_rate"))
              sqlite3_bind_text (stmt, 7, "%", -1, SQLITE_STATIC);
            if (!step_insert (&demo, stmt, NULL))
              goto fail;
          }
        for (guint r = 0; r < n_regions; r++)
          {
            BIND_GOAL (company_goal, g_array_index (region_ids, gint64, r), 0, "revenue", "result",
                       region_sum[r], "CNY", "year", year_start, year_end, 10000, 0);
            if (!step_insert (&demo, stmt, &region_goal[r]))
              goto fail;
          }

        {
          g_autoptr (GHashTable) team_goal
              = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

          for (guint p = 0; p < people->len; p++)
            {
              DemoPerson *person = &g_array_index (people, DemoPerson, p);
              double      stretch = 0.55 + 0.45 * person->skill;
              gint64     *team_goal_id = g_hash_table_lookup (team_goal, &person->unit_id);
              gint64      person_goal = 0;

              if (team_goal_id == NULL)
                {
                  gint64 *team_sum = g_hash_table_lookup (team_year, &person->unit_id);
                  team_goal_id = g_new0 (gint64, 1);
                  BIND_GOAL (region_goal[person->region], person->unit_id, 0, "revenue", "result",
                             *team_sum, "CNY", "year", year_start, year_end, 10000, 0);
                  if (!step_insert (&demo, stmt, team_goal_id))
                    {
                      g_free (team_goal_id);
                      goto fail;
                    }
                  g_hash_table_insert (team_goal, g_memdup2 (&person->unit_id, sizeof (gint64)),
                                       team_goal_id);
                }

              /* Four KPIs a salesperson is measured on, weighted 60/15/15/10: each a year
               * goal decomposed into its months. Revenue's year goal hangs under the team's. */
              {
                static const struct
                {
                  const char *metric, *type, *unit;
                  int         weight;
                } kpis[4] = {
                  { "revenue", "result", "CNY", 6000 },
                  { "collections", "result", "CNY", 1500 },
                  { "new_customers", "process", "customers", 1500 },
                  { "weighted_visits", "process", "visits", 1000 },
                };
                gint64 months[4][12];

                for (int k = 0; k < 12; k++)
                  {
                    int    month = attain_month_add (year * 100 + fy_start, k);
                    double season = seasonality[month % 100 - 1];
                    double visits = deals_per_person_month * 5.0 * 0.4 * season;

                    months[0][k]
                        = round_target (deals_per_person_month * season * growth * 0.24 * stretch
                                        * sqrt (person->skill) * mean_amount * 1.05);
                    months[1][k] = round_target (months[0][k] * 0.9);
                    months[2][k]
                        = MAX (1, lround (deals_per_person_month * 0.12 * season * stretch));
                    months[3][k] = lround (visits * 1.65 * 1.05);
                  }

                for (int g = 0; g < 4; g++)
                  {
                    gint64 year_sum = 0;
                    for (int k = 0; k < 12; k++)
                      year_sum += months[g][k];
                    BIND_GOAL (g == 0 ? *team_goal_id : 0, 0, person->id, kpis[g].metric,
                               kpis[g].type, year_sum, kpis[g].unit, "year", year_start, year_end,
                               kpis[g].weight, 0);
                    if (!step_insert (&demo, stmt, &person_goal))
                      goto fail;

                    for (int k = 0; k < 12; k++)
                      {
                        int          month = attain_month_add (year * 100 + fy_start, k);
                        AttainPeriod mp
                            = { ATTAIN_PERIOD_MONTH, month / 100, month % 100, fy_start };
                        GDate            mf, ml;
                        g_autofree char *ms = NULL;
                        g_autofree char *me = NULL;

                        attain_period_bounds (&mp, &mf, &ml);
                        ms = iso (&mf);
                        me = iso (&ml);
                        BIND_GOAL (person_goal, 0, person->id, kpis[g].metric, kpis[g].type,
                                   months[g][k], kpis[g].unit, "month", ms, me, kpis[g].weight, 0);
                        if (!step_insert (&demo, stmt, NULL))
                          goto fail;
                      }
                  }
              }
            }
        }
#undef BIND_GOAL
      }
  }

  /* Some money goes back, as in every real book: half of one collection in 97 is refunded six
   * weeks after it came in (chosen by id, so the demo is the same every time). And one pay plan
   * for everyone, so the Pay page has a sheet. */
  {
    g_autofree char *today_iso = iso (&options->today);
    g_autofree char *sql = g_strdup_printf (
        "INSERT INTO refunds (owner_id, deal_id, amount, refunded_on) SELECT owner_id, deal_id, "
        "collected_amount / 2, date (collected_on, '+42 days') FROM collections WHERE "
        "collected_amount > 1 AND id %% 97 = 0 AND date (collected_on, '+42 days') <= '%s';"
        "INSERT INTO pay_plans (position_id, fixed_monthly, bonus_monthly, curve, "
        "commission_base, commission_mode, commission_tiers, over_award) VALUES (NULL, 800000, "
        "400000, '[[6000,5000],[10000,10000],[12000,15000],[15000,20000]]', 'collections', "
        "'marginal', '[[0,200],[10000,400]]', 50000);",
        today_iso);
    if (!attain_db_exec (db, sql, error))
      goto fail;
  }
  if (!attain_db_set_setting (db, "company_name", "华辰智能科技有限公司", error))
    goto fail;
  if (progress != NULL)
    progress (0.95, user_data);
  /* The summaries are long statements: a cancel interrupts them too. */
  attain_db_set_cancellable (db, options->cancellable);
  if (g_cancellable_set_error_if_cancelled (options->cancellable, error)
      || !attain_rollup_rebuild (db, error)
      || g_cancellable_set_error_if_cancelled (options->cancellable, error)
      || !attain_db_commit (db, error))
    {
      attain_db_set_cancellable (db, NULL);
      goto fail;
    }
  attain_db_set_cancellable (db, NULL);
  if (!attain_db_exec (db, "PRAGMA synchronous = FULL", error))
    return FALSE;
  if (progress != NULL)
    progress (1.0, user_data);
  (void) last_month;
  return TRUE;

fail:
  attain_db_rollback (db);
  attain_db_exec (db, "PRAGMA synchronous = FULL", NULL);
  return FALSE;
}
