/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What each kind of import file can hold, the names CRMs, HR systems and people give those
 * columns in English and Chinese, and the values they write for stages, tiers and kinds. The
 * mapping step starts from these; presets and the user's choices override them. */
#include "attain-import-private.h"

#include "attain-gettext.h"
#include <json-glib/json-glib.h>
#include <string.h>

#include "attain-model-resources.h"

/* Synonyms are written normalized (see attain_import_normalize): lower case, no spaces,
 * ASCII brackets. */
static const ImportField fields[] = {
  [F_EXTERNAL_ID]
  = { "external_id", N_ ("Record id"), T_TEXT,
      "id|recordid|opportunityid|dealid|商机编号|商机id|编号|单号|记录id|外部id|externalid|"
      "paymentid|回款编号|回款单号|活动编号|记录编号|responseid|反馈编号" },
  [F_TITLE] = { "title", N_ ("Deal name"), T_TEXT,
                "opportunityname|dealname|opportunity|name|商机名称|商机|项目名称|机会名称|名称" },
  [F_OWNER]
  = { "owner", N_ ("Salesperson"), T_PERSON,
      "opportunityowner|dealowner|owner|salesperson|salesrep|负责人|销售人员|销售|业务员|"
      "所属销售|销售代表|跟进人|员工|姓名|员工姓名|人员|employee|employeename|assignedto|user" },
  [F_OWNER_NO]
  = { "owner_no", N_ ("Salesperson’s employee number"), T_PERSON,
      "employeeno|employeenumber|employeeid|工号|员工编号|负责人工号|销售工号|员工工号" },
  [F_CUSTOMER]
  = { "customer", N_ ("Customer"), T_TEXT,
      "accountname|account|customer|customername|company|客户|客户名称|公司名称|客户公司" },
  [F_TIER] = { "tier", N_ ("Customer tier"), T_TIER,
               "tier|customertier|accounttier|rating|客户等级|客户级别|等级|客户分级|客户类型" },
  [F_PRODUCT_LINE] = { "product_line", N_ ("Product line"), T_TEXT,
                       "productline|productfamily|product|产品线|产品|产品类别" },
  [F_STAGE] = { "stage", N_ ("Stage"), T_STAGE,
                "stage|salesstage|dealstage|阶段|销售阶段|商机阶段|状态|商机状态" },
  [F_AMOUNT]
  = { "amount", N_ ("Amount"), T_AMOUNT,
      "amount|expectedrevenue|dealamount|value|revenue|金额|金额(元)|销售额|商机金额|合同金额|"
      "成交金额|签约金额|预计金额" },
  [F_GROSS_PROFIT] = { "gross_profit", N_ ("Gross profit"), T_AMOUNT,
                       "grossprofit|margin|profit|毛利|毛利额|毛利(元)|利润" },
  [F_CREATED_ON]
  = { "created_on", N_ ("Created on"), T_DATE,
      "createddate|createdon|createdtime|creationdate|created|创建日期|创建时间|立项日期" },
  [F_EXPECTED_CLOSE]
  = { "expected_close", N_ ("Expected close"), T_DATE,
      "expectedclosing|expectedclosedate|expectedclose|预计成交日期|预计签约日期|预计结单日期" },
  [F_CLOSED_ON]
  = { "closed_on", N_ ("Close date"), T_DATE,
      "closedate|closingdate|dateclosed|closedon|成交日期|签约日期|结单日期|赢单日期|关闭日期" },
  [F_STAGE_DATE]
  = { "stage_date", N_ ("Stage changed on"), T_DATE,
      "laststagechangedate|stagechangedate|stagedate|阶段变更日期|阶段日期|最近阶段变更时间" },
  [F_INVOICE_AMOUNT] = { "invoice_amount", N_ ("Invoiced amount"), T_AMOUNT,
                         "invoiceamount|invoiced|开票金额|应收金额|应收|发票金额" },
  [F_COLLECTED_AMOUNT] = { "collected_amount", N_ ("Amount collected"), T_AMOUNT,
                           "collectedamount|collected|paymentamount|amountpaid|paid|回款金额|"
                           "实收金额|回款|已回款|到账金额" },
  [F_INVOICED_ON]
  = { "invoiced_on", N_ ("Invoiced on"), T_DATE, "invoicedate|invoicedon|开票日期|应收日期" },
  [F_COLLECTED_ON] = { "collected_on", N_ ("Collected on"), T_DATE,
                       "paymentdate|collectedon|paidon|datepaid|回款日期|到账日期|收款日期" },
  [F_DEAL_REF] = { "deal_ref", N_ ("Deal’s record id"), T_TEXT,
                   "opportunityid|dealid|商机编号|关联商机|合同编号" },
  [F_ACTIVITY_KIND] = { "activity_kind", N_ ("Activity type"), T_ACTIVITY_KIND,
                        "type|activitytype|kind|subject|活动类型|类型|跟进方式|拜访方式|方式" },
  [F_HAPPENED_ON] = { "happened_on", N_ ("Date"), T_DATE,
                      "date|activitydate|duedate|日期|活动日期|拜访日期|跟进日期|时间" },
  [F_FEEDBACK_KIND] = { "feedback_kind", N_ ("Feedback type"), T_FEEDBACK_KIND,
                        "type|feedbacktype|kind|反馈类型|类型" },
  [F_SCORE]
  = { "score", N_ ("Satisfaction"), T_INT, "satisfaction|score|csat|满意度|满意度评分|评分" },
  [F_RECOMMEND] = { "recommend", N_ ("Would recommend (0–10)"), T_INT,
                    "recommend|nps|likelihoodtorecommend|推荐|推荐意愿|推荐度|推荐分" },
  [F_GIVEN_ON]
  = { "given_on", N_ ("Given or opened on"), T_DATE,
      "date|surveydate|openedon|opened|submittedon|日期|调查日期|投诉日期|提交时间|反馈日期" },
  [F_RESOLVED_ON] = { "resolved_on", N_ ("Resolved on"), T_DATE,
                      "resolvedon|resolved|closedon|解决日期|处理完成日期|结案日期" },
  [F_EMPLOYEE_NO] = { "employee_no", N_ ("Employee number"), T_TEXT,
                      "employeeno|employeenumber|employeeid|工号|员工编号|员工工号" },
  [F_NAME] = { "name", N_ ("Full name"), T_TEXT, "name|fullname|employeename|姓名|员工姓名|名字" },
  [F_POSITION]
  = { "position", N_ ("Position"), T_TEXT, "position|title|jobtitle|role|职位|岗位|职务|职级" },
  [F_TEAM] = { "team", N_ ("Team"), T_TEXT,
               "team|salesteam|group|department|团队|销售组|小组|部门|组别|所属团队" },
  [F_REGION] = { "region", N_ ("Region or product line"), T_TEXT,
                 "region|area|division|productline|区域|大区|地区|产品线|事业部" },
  [F_MANAGER_NO] = { "manager_no", N_ ("Manager’s employee number"), T_TEXT,
                     "managerno|managerid|manageremployeeno|reportsto|上级工号|直属上级工号|"
                     "经理工号|汇报对象工号" },
  [F_HIRED_ON]
  = { "hired_on", N_ ("Hire date"), T_DATE, "hiredate|hiredon|startdate|joined|入职日期|入职时间" },
  [F_LEFT_ON] = { "left_on", N_ ("Leave date"), T_DATE,
                  "leavedate|lefton|enddate|terminationdate|离职日期|离职时间" },
  [F_UNIT] = { "unit", N_ ("Region or team"), T_UNIT,
               "region|area|team|unit|market|区域|大区|地区|团队|单元|市场" },
  [F_MONTH] = { "month", N_ ("Month"), T_MONTH, "month|period|date|月份|月|期间|日期" },
  [F_MARKET_SIZE] = { "market_size", N_ ("Market size"), T_AMOUNT,
                      "marketsize|market|size|市场规模|市场容量|市场总额|规模" },
  [F_METRIC] = { "metric", N_ ("Metric"), T_METRIC, "metric|kpi|指标|考核指标" },
  [F_AGREED_ON]
  = { "agreed_on", N_ ("Agreed on"), T_DATE, "agreedon|agreed|confirmedon|确认日期|确认|签字日期" },
};

/* Which fields each kind takes, required ones marked. */
typedef struct
{
  FieldId  id;
  gboolean required;
} KindField;

#define END                                                                                        \
  {                                                                                                \
    N_FIELDS, FALSE                                                                                \
  }
static const KindField kind_fields[ATTAIN_IMPORT_N_KINDS][20] = {
  [ATTAIN_IMPORT_ORG] = { { F_EMPLOYEE_NO, FALSE },
                          { F_NAME, TRUE },
                          { F_POSITION, FALSE },
                          { F_TEAM, TRUE },
                          { F_REGION, FALSE },
                          { F_MANAGER_NO, FALSE },
                          { F_HIRED_ON, FALSE },
                          { F_LEFT_ON, FALSE },
                          END },
  [ATTAIN_IMPORT_DEALS] = { { F_EXTERNAL_ID, FALSE },
                            { F_TITLE, FALSE },
                            { F_OWNER, FALSE },
                            { F_OWNER_NO, FALSE },
                            { F_CUSTOMER, TRUE },
                            { F_TIER, FALSE },
                            { F_PRODUCT_LINE, FALSE },
                            { F_STAGE, TRUE },
                            { F_AMOUNT, TRUE },
                            { F_GROSS_PROFIT, FALSE },
                            { F_CREATED_ON, FALSE },
                            { F_EXPECTED_CLOSE, FALSE },
                            { F_CLOSED_ON, FALSE },
                            { F_STAGE_DATE, FALSE },
                            END },
  [ATTAIN_IMPORT_COLLECTIONS] = { { F_EXTERNAL_ID, FALSE },
                                  { F_OWNER, FALSE },
                                  { F_OWNER_NO, FALSE },
                                  { F_DEAL_REF, FALSE },
                                  { F_INVOICE_AMOUNT, FALSE },
                                  { F_COLLECTED_AMOUNT, TRUE },
                                  { F_INVOICED_ON, FALSE },
                                  { F_COLLECTED_ON, FALSE },
                                  END },
  [ATTAIN_IMPORT_ACTIVITIES] = { { F_EXTERNAL_ID, FALSE },
                                 { F_OWNER, FALSE },
                                 { F_OWNER_NO, FALSE },
                                 { F_CUSTOMER, FALSE },
                                 { F_TIER, FALSE },
                                 { F_ACTIVITY_KIND, TRUE },
                                 { F_HAPPENED_ON, TRUE },
                                 END },
  [ATTAIN_IMPORT_FEEDBACK] = { { F_EXTERNAL_ID, FALSE },
                               { F_OWNER, FALSE },
                               { F_OWNER_NO, FALSE },
                               { F_CUSTOMER, FALSE },
                               { F_FEEDBACK_KIND, FALSE },
                               { F_SCORE, FALSE },
                               { F_RECOMMEND, FALSE },
                               { F_GIVEN_ON, TRUE },
                               { F_RESOLVED_ON, FALSE },
                               END },
  [ATTAIN_IMPORT_MARKET] = { { F_UNIT, TRUE }, { F_MONTH, TRUE }, { F_MARKET_SIZE, TRUE }, END },
  [ATTAIN_IMPORT_TARGETS] = { { F_OWNER, FALSE },
                              { F_OWNER_NO, FALSE },
                              { F_UNIT, FALSE },
                              { F_METRIC, FALSE },
                              { F_AGREED_ON, FALSE },
                              END },
};

/* Values as CRMs write them, normalized, onto Attain's own. */
static const struct
{
  FieldType   type;
  const char *mapped;
  const char *values;
} value_synonyms[] = {
  { T_STAGE, "lead",
    "lead|new|prospecting|prospect|初步接洽|线索|潜在|新建|初步沟通|意向|潛在客戶|線索" },
  { T_STAGE, "qualified",
    "qualified|qualification|needsanalysis|需求确认|需求分析|资格确认|"
    "确认需求|立项|需求確認" },
  { T_STAGE, "proposal",
    "proposal|proposition|valueproposition|iddecisionmakers|"
    "identifydecisionmakers|perceptionanalysis|proposal/pricequote|"
    "pricequote|quote|方案报价|方案/报价|报价|方案|方案制定|招投标|方案報價" },
  { T_STAGE, "negotiation",
    "negotiation|negotiation/review|review|商务谈判|谈判|谈判审核|"
    "合同谈判|合同审批|商務談判" },
  { T_STAGE, "won", "won|closedwon|win|赢单|成交|签约|已成交|已签约|赢得" },
  { T_STAGE, "lost",
    "lost|closedlost|closed-losttocompetition|closedlosttocompetition|lose|"
    "输单|丢单|失败|已流失|流失|关闭|未成交|輸單" },
  { T_TIER, "A", "a|a类|a级|甲|重点客户|大客户|ka|keyaccount|strategic|战略客户" },
  { T_TIER, "B", "b|b类|b级|乙|重要客户" },
  { T_TIER, "C", "c|c类|c级|丙|一般客户|普通客户|小客户" },
  { T_ACTIVITY_KIND, "visit",
    "visit|meeting|拜访|面访|上门拜访|面谈|会议|线上会议|onlinemeeting|"
    "客户拜访|现场拜访" },
  { T_ACTIVITY_KIND, "call", "call|phonecall|phone|电话|电话沟通|通话" },
  { T_ACTIVITY_KIND, "email", "email|e-mail|mail|邮件|电子邮件" },
  { T_ACTIVITY_KIND, "demo", "demo|demonstration|productdemo|演示|产品演示|试用" },
  { T_FEEDBACK_KIND, "survey", "survey|满意度调查|调查|问卷|回访|评价|满意度" },
  { T_FEEDBACK_KIND, "complaint", "complaint|投诉|客诉|抱怨" },
  { T_METRIC, "revenue", "revenue|sales|销售额|营业额|业绩|销售业绩|签约额" },
  { T_METRIC, "collections", "collections|collection|回款|回款额" },
  { T_METRIC, "gross_profit", "grossprofit|毛利|毛利额" },
  { T_METRIC, "new_customers", "newcustomers|新签客户|新客户|新客户数" },
  { T_METRIC, "deals_won", "dealswon|赢单数|成交单数" },
  { T_METRIC, "visits", "visits|拜访|拜访次数|拜访量" },
};

static const char *const stage_choices[]
    = { "lead", "qualified", "proposal", "negotiation", "won", "lost", NULL };
static const char *const tier_choices[] = { "A", "B", "C", NULL };
static const char *const activity_choices[] = { "visit", "call", "email", "demo", NULL };
static const char *const feedback_choices[] = { "survey", "complaint", NULL };

const ImportField *
attain_import_field (FieldId id)
{
  g_assert (id < N_FIELDS);
  return &fields[id];
}

gboolean
attain_import_field_id (const char *key, FieldId *out)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (g_strcmp0 (fields[i].key, key) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

guint
attain_import_n_fields (AttainImportKind kind)
{
  guint n = 0;
  g_return_val_if_fail (kind < ATTAIN_IMPORT_N_KINDS, 0);
  while (kind_fields[kind][n].id != N_FIELDS)
    n++;
  return n;
}

FieldId
attain_import_kind_field (AttainImportKind kind, guint index)
{
  return kind_fields[kind][index].id;
}

const char *
attain_import_field_key (AttainImportKind kind, guint index)
{
  g_return_val_if_fail (index < attain_import_n_fields (kind), NULL);
  return fields[kind_fields[kind][index].id].key;
}

const char *
attain_import_field_label (const char *field_key)
{
  FieldId id;
  return attain_import_field_id (field_key, &id) ? _ (fields[id].label) : field_key;
}

gboolean
attain_import_kind_has_field (AttainImportKind kind, FieldId id)
{
  for (guint i = 0; kind_fields[kind][i].id != N_FIELDS; i++)
    if (kind_fields[kind][i].id == id)
      return TRUE;
  return FALSE;
}

gboolean
attain_import_field_required (AttainImportKind kind, const char *field_key)
{
  for (guint i = 0; kind_fields[kind][i].id != N_FIELDS; i++)
    if (g_strcmp0 (fields[kind_fields[kind][i].id].key, field_key) == 0)
      return kind_fields[kind][i].required;
  return FALSE;
}

const char *const *
attain_import_value_choices (const char *field_key)
{
  FieldId id;
  if (!attain_import_field_id (field_key, &id))
    return NULL;
  switch (fields[id].type)
    {
    case T_STAGE:
      return stage_choices;
    case T_TIER:
      return tier_choices;
    case T_ACTIVITY_KIND:
      return activity_choices;
    case T_FEEDBACK_KIND:
      return feedback_choices;
    default:
      return NULL;
    }
}

/* Header and value text compared the way people mean it: "Close Date", "close_date" and
 * "CLOSE DATE" are one name; full-width brackets and spaces of a Chinese IME too. */
char *
attain_import_normalize (const char *text)
{
  g_autofree char *nfkc = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_NFKC);
  g_autofree char *folded = g_utf8_casefold (nfkc ? nfkc : "", -1);
  GString         *out = g_string_new (NULL);

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c) || c == '_' || c == '*' || c == ':' || c == 0x3000)
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
synonym_listed (const char *list, const char *normalized)
{
  gsize       n = strlen (normalized);
  const char *p = list;

  if (n == 0)
    return FALSE;
  while ((p = strstr (p, normalized)) != NULL)
    {
      gboolean starts = p == list || p[-1] == '|';
      gboolean ends = p[n] == '\0' || p[n] == '|';
      if (starts && ends)
        return TRUE;
      p += n;
    }
  return FALSE;
}

/* Strips a unit written into the header ("金额(万元)", "Amount (CNY)") and says what it was:
 * yuan per unit of the column, 0 when none is written. */
static char *
strip_unit (const char *normalized, gint64 *unit)
{
  static const struct
  {
    const char *suffix;
    gint64      unit;
  } units[] = {
    { "(万元)", 10000 }, { "(万)", 10000 }, { "(萬元)", 10000 }, { "(亿元)", 100000000 },
    { "(元)", 1 },       { "(cny)", 1 },    { "(rmb)", 1 },      { "(¥)", 1 },
    { "(usd)", 1 },      { "($)", 1 },      { "万元", 10000 },
  };
  *unit = 0;
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (g_str_has_suffix (normalized, units[i].suffix))
      {
        *unit = units[i].unit;
        return g_strndup (normalized, strlen (normalized) - strlen (units[i].suffix));
      }
  return g_strdup (normalized);
}

/* The field a header names for this kind, or N_FIELDS. Explicit columns of the options win;
 * an explicit "" ignores the column. */
FieldId
attain_import_match_header (const AttainImportOptions *options, const char *header, gint64 *unit)
{
  g_autofree char *normalized = attain_import_normalize (header);
  g_autofree char *bare = strip_unit (normalized, unit);
  const char      *explicit_key;
  FieldId          id;

  if (options->columns != NULL
      && ((explicit_key = g_hash_table_lookup (options->columns, normalized)) != NULL
          || (explicit_key = g_hash_table_lookup (options->columns, bare)) != NULL))
    {
      if (attain_import_field_id (explicit_key, &id)
          && attain_import_kind_has_field (options->kind, id))
        return id;
      return N_FIELDS;
    }
  for (guint i = 0; kind_fields[options->kind][i].id != N_FIELDS; i++)
    {
      id = kind_fields[options->kind][i].id;
      if (synonym_listed (fields[id].synonyms, normalized)
          || synonym_listed (fields[id].synonyms, bare))
        return id;
    }
  /* Attain's own column names, in English and in the language of the window: a file Attain
   * exported imports again. */
  for (guint i = 0; kind_fields[options->kind][i].id != N_FIELDS; i++)
    {
      g_autofree char *english = NULL, *translated = NULL;
      id = kind_fields[options->kind][i].id;
      english = attain_import_normalize (fields[id].label);
      translated = attain_import_normalize (_ (fields[id].label));
      if (g_str_equal (normalized, english) || g_str_equal (normalized, translated))
        return id;
    }
  return N_FIELDS;
}

/* The value a cell maps to for a field of a kind of values (stage, tier, …): the user's own
 * mapping first, then the built-in synonyms. NULL when unknown. */
const char *
attain_import_map_value (const AttainImportOptions *options, FieldId id, const char *text)
{
  g_autofree char *normalized = attain_import_normalize (text);
  g_autofree char *key = g_strdup_printf ("%s\x1f%s", fields[id].key, normalized);
  const char      *mapped;

  if (options->values != NULL && (mapped = g_hash_table_lookup (options->values, key)) != NULL)
    return mapped;
  for (guint i = 0; i < G_N_ELEMENTS (value_synonyms); i++)
    if (value_synonyms[i].type == fields[id].type
        && synonym_listed (value_synonyms[i].values, normalized))
      return value_synonyms[i].mapped;
  return NULL;
}

static const char *const kind_names[]
    = { "org", "deals", "collections", "activities", "feedback", "market", "targets" };

const char *
attain_import_kind_to_string (AttainImportKind kind)
{
  g_return_val_if_fail (kind < ATTAIN_IMPORT_N_KINDS, NULL);
  return kind_names[kind];
}

gboolean
attain_import_kind_from_string (const char *text, AttainImportKind *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
attain_import_kind_label (AttainImportKind kind)
{
  static const char *labels[]
      = { N_ ("Organisation"),      N_ ("Deals"),       N_ ("Collections"), N_ ("Activities"),
          N_ ("Customer feedback"), N_ ("Market size"), N_ ("Targets") };
  g_return_val_if_fail (kind < ATTAIN_IMPORT_N_KINDS, NULL);
  return _ (labels[kind]);
}

void
attain_import_options_init (AttainImportOptions *options, AttainImportKind kind)
{
  memset (options, 0, sizeof *options);
  options->kind = kind;
  options->source = g_strdup ("file");
  options->encoding = g_strdup ("auto");
  options->satisfaction_scale = 5;
  options->columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  options->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

void
attain_import_options_clear (AttainImportOptions *options)
{
  g_clear_pointer (&options->source, g_free);
  g_clear_pointer (&options->encoding, g_free);
  g_clear_pointer (&options->columns, g_hash_table_unref);
  g_clear_pointer (&options->values, g_hash_table_unref);
  g_clear_pointer (&options->company_name, g_free);
  g_clear_pointer (&options->metric, g_free);
  g_clear_pointer (&options->as_of, g_free);
}

static GHashTable *
copy_table (GHashTable *table)
{
  GHashTable    *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer       key, value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), g_strdup (value));
  return copy;
}

/* A deep copy, for handing the options to a worker while the mapping step keeps editing its
 * own. */
void
attain_import_options_copy (const AttainImportOptions *from, AttainImportOptions *to)
{
  *to = *from;
  to->source = g_strdup (from->source);
  to->encoding = g_strdup (from->encoding);
  to->columns = copy_table (from->columns);
  to->values = copy_table (from->values);
  to->company_name = g_strdup (from->company_name);
  to->metric = g_strdup (from->metric);
  to->as_of = g_strdup (from->as_of);
}

void
attain_import_options_set_column (AttainImportOptions *options,
                                  const char          *header,
                                  const char          *field_key)
{
  g_hash_table_replace (options->columns, attain_import_normalize (header),
                        g_strdup (field_key ? field_key : ""));
}

void
attain_import_options_set_value (AttainImportOptions *options,
                                 const char          *field_key,
                                 const char          *value,
                                 const char          *mapped)
{
  g_autofree char *normalized = attain_import_normalize (value);
  g_hash_table_replace (options->values, g_strdup_printf ("%s\x1f%s", field_key, normalized),
                        g_strdup (mapped));
}

static gboolean
preset_error (GError **error, const char *name, const char *why)
{
  g_set_error (error, ATTAIN_IMPORT_ERROR, ATTAIN_IMPORT_ERROR_PRESET,
               _ ("The mapping preset “%s” cannot be used: %s"), name, why);
  return FALSE;
}

static gboolean
apply_preset_json (AttainImportOptions *options,
                   const char          *name,
                   const char          *json,
                   gsize                length,
                   GError             **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) local_error = NULL;
  JsonObject      *root, *columns, *values;
  AttainImportKind kind;
  const char      *text;

  if (!json_parser_load_from_data (parser, json, length, &local_error))
    return preset_error (error, name, local_error->message);
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return preset_error (error, name, _ ("it is not a JSON object."));
  root = json_node_get_object (json_parser_get_root (parser));
  text = json_object_get_string_member_with_default (root, "kind", NULL);
  if (text == NULL || !attain_import_kind_from_string (text, &kind))
    return preset_error (error, name, _ ("it does not say which kind of file it maps."));
  if (kind != options->kind)
    {
      g_set_error (error, ATTAIN_IMPORT_ERROR, ATTAIN_IMPORT_ERROR_PRESET,
                   _ ("The mapping preset “%s” is for %s files, not for %s."), name,
                   attain_import_kind_label (kind), attain_import_kind_label (options->kind));
      return FALSE;
    }
  text = json_object_get_string_member_with_default (root, "source", name);
  g_free (options->source);
  options->source = g_strdup (text);
  text = json_object_get_string_member_with_default (root, "date_order", NULL);
  if (text != NULL && !attain_date_order_parse (text, &options->date_order))
    return preset_error (error, name, _ ("its date order must be ymd, mdy or dmy."));
  if (json_object_has_member (root, "amount_unit"))
    options->amount_unit = json_object_get_int_member (root, "amount_unit");
  if (json_object_has_member (root, "satisfaction_scale"))
    options->satisfaction_scale = (int) json_object_get_int_member (root, "satisfaction_scale");

  columns = json_object_get_object_member (root, "columns");
  if (columns != NULL)
    {
      g_autoptr (GList) members = json_object_get_members (columns);
      for (GList *l = members; l; l = l->next)
        {
          JsonNode *node = json_object_get_member (columns, l->data);
          if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
            attain_import_options_set_column (options, l->data, json_node_get_string (node));
        }
    }
  values = json_object_get_object_member (root, "values");
  if (values != NULL)
    {
      g_autoptr (GList) fields_list = json_object_get_members (values);
      for (GList *f = fields_list; f; f = f->next)
        {
          JsonObject *map = json_object_get_object_member (values, f->data);
          g_autoptr (GList) members = map ? json_object_get_members (map) : NULL;
          for (GList *l = members; l; l = l->next)
            {
              JsonNode *node = json_object_get_member (map, l->data);
              if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
                attain_import_options_set_value (options, f->data, l->data,
                                                 json_node_get_string (node));
            }
        }
    }
  return TRUE;
}

static const char *const shipped_presets[] = { "salesforce", "odoo", "zoho", "cn-crm" };

char **
attain_import_preset_names (AttainDb *db)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (shipped_presets); i++)
    g_ptr_array_add (names, g_strdup (shipped_presets[i]));
  if (db != NULL)
    {
      sqlite3_stmt *stmt
          = attain_db_prepare (db, "SELECT name FROM import_presets ORDER BY name", NULL);
      while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    }
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_steal (names, NULL);
}

gboolean
attain_import_options_load_preset (AttainImportOptions *options,
                                   AttainDb            *db,
                                   const char          *name_or_file,
                                   GError             **error)
{
  g_autofree char *path
      = g_strdup_printf ("/io/github/attain/Attain/presets/%s.json", name_or_file);
  g_autoptr (GBytes) bytes = g_resource_lookup_data (attain_model_get_resource (), path,
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autofree char *contents = NULL;
  gsize            length = 0;

  if (bytes != NULL)
    {
      const char *data = g_bytes_get_data (bytes, &length);
      return apply_preset_json (options, name_or_file, data, length, error);
    }
  if (db != NULL)
    {
      sqlite3_stmt *stmt
          = attain_db_prepare (db, "SELECT mapping FROM import_presets WHERE name = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, name_or_file, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_autofree char *json = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          sqlite3_reset (stmt);
          return apply_preset_json (options, name_or_file, json, strlen (json), error);
        }
      sqlite3_reset (stmt);
    }
  if (g_str_has_suffix (name_or_file, ".json")
      && g_file_get_contents (name_or_file, &contents, &length, NULL))
    return apply_preset_json (options, name_or_file, contents, length, error);

  g_set_error (error, ATTAIN_IMPORT_ERROR, ATTAIN_IMPORT_ERROR_PRESET,
               _ ("There is no mapping preset named “%s”. List them with “attain-cli import "
                  "--list-presets”."),
               name_or_file);
  return FALSE;
}

char *
attain_import_options_to_json (const AttainImportOptions *options, const char *name)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GHashTable) by_field = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           (GDestroyNotify) g_hash_table_unref);
  GHashTableIter iter;
  gpointer       key, value;
  g_autoptr (GList) sorted = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, attain_import_kind_to_string (options->kind));
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "date_order");
  json_builder_add_string_value (builder, attain_date_order_to_string (options->date_order));
  if (options->amount_unit > 0)
    {
      json_builder_set_member_name (builder, "amount_unit");
      json_builder_add_int_value (builder, options->amount_unit);
    }
  json_builder_set_member_name (builder, "satisfaction_scale");
  json_builder_add_int_value (builder, options->satisfaction_scale);

  json_builder_set_member_name (builder, "columns");
  json_builder_begin_object (builder);
  sorted = g_list_sort (g_hash_table_get_keys (options->columns), (GCompareFunc) g_strcmp0);
  for (GList *l = sorted; l; l = l->next)
    {
      json_builder_set_member_name (builder, l->data);
      json_builder_add_string_value (builder, g_hash_table_lookup (options->columns, l->data));
    }
  json_builder_end_object (builder);

  g_hash_table_iter_init (&iter, options->values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char      *sep = strchr (key, '\x1f');
      g_autofree char *field = sep ? g_strndup (key, sep - (const char *) key) : NULL;
      GHashTable      *map;
      if (field == NULL)
        continue;
      map = g_hash_table_lookup (by_field, field);
      if (map == NULL)
        {
          map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
          g_hash_table_insert (by_field, g_strdup (field), map);
        }
      g_hash_table_insert (map, g_strdup (sep + 1), g_strdup (value));
    }
  json_builder_set_member_name (builder, "values");
  json_builder_begin_object (builder);
  g_hash_table_iter_init (&iter, by_field);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr (GList) values_sorted
          = g_list_sort (g_hash_table_get_keys (value), (GCompareFunc) g_strcmp0);
      json_builder_set_member_name (builder, key);
      json_builder_begin_object (builder);
      for (GList *l = values_sorted; l; l = l->next)
        {
          json_builder_set_member_name (builder, l->data);
          json_builder_add_string_value (builder, g_hash_table_lookup (value, l->data));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

gboolean
attain_import_options_save_preset (const AttainImportOptions *options,
                                   AttainDb                  *db,
                                   const char                *name,
                                   GError                   **error)
{
  g_autofree char *json = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));
  sqlite3_stmt    *stmt;

  for (guint i = 0; i < G_N_ELEMENTS (shipped_presets); i++)
    if (g_strcmp0 (name, shipped_presets[i]) == 0)
      {
        g_set_error (
            error, ATTAIN_IMPORT_ERROR, ATTAIN_IMPORT_ERROR_PRESET,
            _ ("“%s” is the name of a preset that comes with Attain. Choose another name."), name);
        return FALSE;
      }
  if (*trimmed == '\0')
    {
      g_set_error (error, ATTAIN_IMPORT_ERROR, ATTAIN_IMPORT_ERROR_PRESET,
                   _ ("Give the mapping a name to save it under."));
      return FALSE;
    }
  json = attain_import_options_to_json (options, name);
  stmt = attain_db_prepare (
      db,
      "INSERT INTO import_presets (name, kind, mapping) VALUES (?1, ?2, ?3) "
      "ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, mapping = excluded.mapping",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, attain_import_kind_to_string (options->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, json, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return attain_db_set_error (db, error, _ ("Saving the mapping"));
  return TRUE;
}
