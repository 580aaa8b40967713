/* ftc-compare.c: fine-tuning against the API (break-even, cash flows,
 * verdict). */
#include "ftcost-private.h"

#define ARG_FT_UPFRONT                                                                         \
    {                                                                                          \
        .name = L("FtUpfront"),                                                                \
        .description = L("Upfront cost of the fine-tuning path (training, data "               \
                         "preparation)"),                                                      \
        REQUIRED(FTC_UNIT_MONEY, FTC_DOMAIN_NON_NEGATIVE)                                      \
    }

#define ARG_FT_MONTHLY                                                                         \
    {                                                                                          \
        .name = L("FtMonthly"), .description = L("Running cost of the fine-tuned model"),      \
        REQUIRED(FTC_UNIT_MONEY_PER_MONTH, FTC_DOMAIN_NON_NEGATIVE)                            \
    }

#define ARG_API_MONTHLY                                                                        \
    {                                                                                          \
        .name = L("ApiMonthly"), .description = L("API bill in the first month"),              \
        REQUIRED(FTC_UNIT_MONEY_PER_MONTH, FTC_DOMAIN_NON_NEGATIVE)                            \
    }

#define ARG_API_GROWTH                                                                         \
    {                                                                                          \
        .name = L("ApiGrowth"), .description = L("Growth of the API bill each month"),         \
        OPTIONAL(FTC_UNIT_FRACTION_PER_MONTH, FTC_DOMAIN_ABOVE_MINUS_1, 0)                     \
    }

enum {
    CMP_FT_UPFRONT,
    CMP_FT_MONTHLY,
    CMP_API_MONTHLY,
    CMP_API_GROWTH,
    CMP_MONTHS, /* MaxMonths for FT_BREAKEVEN, Months for FT_SCHEDULE */
    CMP_N
};

/* Cumulative costs after m whole months; *api_sum carries the API's running
 * sum from month m-1 (the spec's sum over k = 0 .. m-1). */
static void cumulative_step(const ftc_value *a, double m, double *ft, double *api_sum,
                            double *api_flow)
{
    *api_flow = ftc_grown(a[CMP_API_MONTHLY].number, 1.0 + a[CMP_API_GROWTH].number, m - 1.0);
    *api_sum += *api_flow;
    *ft = a[CMP_FT_UPFRONT].number + a[CMP_FT_MONTHLY].number * m;
}

static ftc_status eval_breakeven(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    double max_months = a[CMP_MONTHS].number; /* whole, 1..FTC_MAX_MONTHS */
    double api_sum = 0.0, ft, flow;

    for (double m = 1; m <= max_months; m++) {
        cumulative_step(a, m, &ft, &api_sum, &flow);
        if (ft <= api_sum)
            return ftc_number(out, m);
    }
    return ftc_fail(err, FTC_ERR_NO_ANSWER, -1,
                    "fine-tuning does not break even within %.0f months", max_months);
}

static const ftc_arg_info breakeven_args[] = {
    [CMP_FT_UPFRONT] = ARG_FT_UPFRONT,
    [CMP_FT_MONTHLY] = ARG_FT_MONTHLY,
    [CMP_API_MONTHLY] = ARG_API_MONTHLY,
    [CMP_API_GROWTH] = ARG_API_GROWTH,
    [CMP_MONTHS] = {.name = L("MaxMonths"),
                    .description = L("How far to look for the break-even"),
                    OPTIONAL(FTC_UNIT_MONTHS, FTC_DOMAIN_WHOLE_MONTHS, 120)},
};
FTC_ARGS_MATCH(breakeven_args, CMP_N);

static const ftc_example breakeven_examples[] = {
    NUMBER_EXAMPLE("50000; 3000; 8000", 10),
    NUMBER_EXAMPLE("50000; 3000; 5000; 0.05", 14),
    ERROR_EXAMPLE("50000; 3000; 2000", FTC_ERR_NO_ANSWER),
};

/* FT_BREAKEVEN's share expansion: 1 / the first month m (of 1..MaxMonths)
 * with FtUpfront + FtMonthly*m <= ApiMonthly*((1+g)^m - 1)/g (or
 * ApiMonthly*m when g = 0), 0 when there is none.  The months are the
 * fixed 1..FTC_MAX_MONTHS (MaxMonths' largest value), those beyond
 * MaxMonths masked by (m<=MaxMonths). */
_Static_assert(FTC_MAX_MONTHS == 1200, "FT_BREAKEVEN and FT_SCHEDULE share 1200 months");
#define BREAKEVEN_M FTC_MONTHS("1200")
#define BREAKEVEN_CAP "IF({{ApiGrowth}}=0;1200;600/ABS(LN(1+{{ApiGrowth}})))"
#define BREAKEVEN_MONTHS_CAPPED                                                                \
    "(" BREAKEVEN_M "-(" BREAKEVEN_M ">" BREAKEVEN_CAP ")*(" BREAKEVEN_M "-" BREAKEVEN_CAP "))"
#define BREAKEVEN_FIRST                                                                        \
    "SUMPRODUCT(LARGE((({{FtUpfront}}+{{FtMonthly}}*" BREAKEVEN_M ")<="                        \
    "{{ApiMonthly}}*((1+{{ApiGrowth}})^" BREAKEVEN_MONTHS_CAPPED                               \
    "-1)/({{ApiGrowth}}+({{ApiGrowth}}=0))+{{ApiMonthly}}*" BREAKEVEN_M "*({{ApiGrowth}}=0))"  \
    "*(" BREAKEVEN_M "<=MIN({{MaxMonths}}))/" BREAKEVEN_M ";1))"

const ftc_function ftc_fn_breakeven = {
    .name = "FT_BREAKEVEN",
    .description = L("First whole month at which the cumulative fine-tuning "
                     "cost is no more than the cumulative API cost."),
    .result = FTC_TYPE_NUMBER,
    ARGS(breakeven_args),
    .notes = L("#N/A when fine-tuning does not break even within MaxMonths."),
    EXAMPLES(breakeven_examples),
    .eval = eval_breakeven,
    /* 1 / the first month is the largest of (breaks even at m) / m.  Every
     * array is an argument of SUMPRODUCT or LARGE, which take arrays in
     * every spreadsheet; MAX or IF there are evaluated on one element by
     * Gnumeric and Excel without dynamic arrays (#N/A).  ApiGrowth = 0 is
     * selected by arithmetic, not IF, for the same reason.  MIN(MaxMonths): a
     * one-cell range for MaxMonths stays a range inside SUMPRODUCT.  The
     * exponent stops where (1+ApiGrowth)^m reaches e^600 or e^-600
     * (BREAKEVEN_MONTHS_CAPPED): beyond, LibreOffice's power overflows or
     * underflows to an error, while the API's cumulative cost there is
     * either above any fine-tuning cost (ApiMonthly above 1E-260 of it) or
     * settled to 260 digits. */
    .expansion = "IF(" BREAKEVEN_FIRST "=0;NA();ROUND(1/" BREAKEVEN_FIRST ";0))",
};

enum { VOLUME_FT_FIXED, VOLUME_SELF_HOST_PRICE, VOLUME_API_PRICE, VOLUME_N };

static ftc_status eval_breakeven_volume(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    double fixed = a[VOLUME_FT_FIXED].number, self_host = a[VOLUME_SELF_HOST_PRICE].number;
    double api = a[VOLUME_API_PRICE].number;

    /* Each million tokens moved off the API saves (api - self_host). */
    if (api <= self_host)
        return ftc_fail(err, FTC_ERR_NO_ANSWER, -1,
                        "the API price (%.17g) is not above the self-hosted price "
                        "(%.17g): self-hosting never breaks even",
                        api, self_host);
    return ftc_number(out, fixed * 1e6 / (api - self_host));
}

static const ftc_arg_info breakeven_volume_args[] = {
    [VOLUME_FT_FIXED] = {.name = L("FtMonthlyFixed"),
                         .description = L("Fixed cost of self-hosting the fine-tuned model"),
                         REQUIRED(FTC_UNIT_MONEY_PER_MONTH, FTC_DOMAIN_NON_NEGATIVE)},
    [VOLUME_SELF_HOST_PRICE] = {.name = L("SelfHostPrice"),
                                .description = L(
                                    "Variable cost of self-hosting (see FT_SELFHOST_PER_MTOK)"),
                                REQUIRED(FTC_UNIT_MONEY_PER_MTOK, FTC_DOMAIN_NON_NEGATIVE)},
    [VOLUME_API_PRICE] = {.name = L("ApiPrice"),
                          .description = L("API price, input and output blended"),
                          REQUIRED(FTC_UNIT_MONEY_PER_MTOK, FTC_DOMAIN_NON_NEGATIVE)},
};
FTC_ARGS_MATCH(breakeven_volume_args, VOLUME_N);

static const ftc_example breakeven_volume_examples[] = {
    NUMBER_EXAMPLE("10000; 1; 6", 2000000000),
    ERROR_EXAMPLE("10000; 6; 6", FTC_ERR_NO_ANSWER),
};

const ftc_function ftc_fn_breakeven_volume = {
    .name = "FT_BREAKEVEN_VOLUME",
    .description = L("Monthly token volume at which self-hosting a fine-tuned "
                     "model costs the same as the API."),
    .result = FTC_TYPE_NUMBER,
    ARGS(breakeven_volume_args),
    .notes = L("#N/A when ApiPrice is not above SelfHostPrice: self-hosting "
               "never breaks even."),
    EXAMPLES(breakeven_volume_examples),
    .eval = eval_breakeven_volume,
    .expansion = "IF({{ApiPrice}}<={{SelfHostPrice}};NA();"
                 "{{FtMonthlyFixed}}*1000000/({{ApiPrice}}-{{SelfHostPrice}}))",
};

enum {
    SCHED_MONTH,
    SCHED_FT_FLOW,
    SCHED_API_FLOW,
    SCHED_FT_CUMULATIVE,
    SCHED_API_CUMULATIVE,
    SCHED_COLS
};

static ftc_status eval_schedule(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    size_t months = (size_t)a[CMP_MONTHS].number; /* whole, 1..FTC_MAX_MONTHS */
    double api_sum = 0.0;
    ftc_status st = ftc_array(out, months + 1, SCHED_COLS, err);

    if (st != FTC_OK)
        return st;
    /* Row 0 is the upfront month: zero API spend, the cells are zeroed. */
    out->cells[SCHED_FT_FLOW] = a[CMP_FT_UPFRONT].number;
    out->cells[SCHED_FT_CUMULATIVE] = a[CMP_FT_UPFRONT].number;
    for (size_t m = 1; m <= months; m++) {
        double *row = out->cells + m * SCHED_COLS;

        row[SCHED_MONTH] = (double)m;
        row[SCHED_FT_FLOW] = a[CMP_FT_MONTHLY].number;
        cumulative_step(a, (double)m, &row[SCHED_FT_CUMULATIVE], &api_sum,
                        &row[SCHED_API_FLOW]);
        row[SCHED_API_CUMULATIVE] = api_sum;
    }
    return FTC_OK;
}

static const ftc_arg_info schedule_args[] = {
    [CMP_FT_UPFRONT] = ARG_FT_UPFRONT,
    [CMP_FT_MONTHLY] = ARG_FT_MONTHLY,
    [CMP_API_MONTHLY] = ARG_API_MONTHLY,
    [CMP_API_GROWTH] = ARG_API_GROWTH,
    [CMP_MONTHS] = {.name = L("Months"),
                    .description = L("Months to lay out after month 0"),
                    OPTIONAL(FTC_UNIT_MONTHS, FTC_DOMAIN_WHOLE_MONTHS, 24)},
};
FTC_ARGS_MATCH(schedule_args, CMP_N);

static const double schedule_cells[] = {
    0, 50000, 0,    50000, 0,    /* month 0: the upfront cost */
    1, 3000,  8000, 53000, 8000, /* month 1 */
};

static const ftc_example schedule_examples[] = {
    {.args = "50000; 3000; 8000; 0; 12",
     .status = FTC_OK,
     .rows = 13,
     .cols = 5,
     .n_cells = FTC_N_ELEMENTS(schedule_cells),
     .cells = schedule_cells},
};

/* FT_SCHEDULE's rows: the months 0..FTC_MAX_MONTHS, a column; the rows
 * beyond Months are #N/A, as the add-in's array leaves them in a larger
 * area. */
#define SCHEDULE_MONTH "(" FTC_MONTHS("1201") "-1)"

const ftc_function ftc_fn_schedule = {
    .name = "FT_SCHEDULE",
    .description = L("Month-by-month cash flows of both paths, Months+1 rows × "
                     "5 columns: month, fine-tuning flow, API flow, cumulative "
                     "fine-tuning, cumulative API; enter as an array formula."),
    .result = FTC_TYPE_ARRAY,
    ARGS(schedule_args),
    .notes = L("Row 0 holds FtUpfront and no API spend; the flow columns feed "
               "NPV from row 1, the cumulative columns cross at the break-even."),
    EXAMPLES(schedule_examples),
    .eval = eval_schedule,
    /* Column c of each row is masked by ({1;2;3;4;5}=c): the month, the
     * fine-tuning flow, the API flow, the two cumulative costs. */
    .expansion =
        "IF(" SCHEDULE_MONTH "+0*{1;2;3;4;5}>MIN({{Months}});NA();" SCHEDULE_MONTH
        "*({1;2;3;4;5}=1)"
        "+({{FtUpfront}}*(" SCHEDULE_MONTH "=0)+{{FtMonthly}}*(" SCHEDULE_MONTH ">0))"
        "*({1;2;3;4;5}=2)"
        "+{{ApiMonthly}}*(1+{{ApiGrowth}})^(" SCHEDULE_MONTH "-1)*(" SCHEDULE_MONTH ">0)"
        "*({1;2;3;4;5}=3)"
        "+({{FtUpfront}}+{{FtMonthly}}*" SCHEDULE_MONTH ")*({1;2;3;4;5}=4)"
        "+IF({{ApiGrowth}}=0;{{ApiMonthly}}*" SCHEDULE_MONTH
        ";{{ApiMonthly}}*((1+{{ApiGrowth}})^" SCHEDULE_MONTH "-1)/{{ApiGrowth}})"
        "*({1;2;3;4;5}=5))",
};

enum {
    VERDICT_FT_ACCURACY,
    VERDICT_PROMPT_ACCURACY,
    VERDICT_FT_TCO,
    VERDICT_API_TCO,
    VERDICT_TOLERANCE,
    VERDICT_N
};

static ftc_status eval_verdict(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    double ft_accuracy = a[VERDICT_FT_ACCURACY].number;
    double prompt_accuracy = a[VERDICT_PROMPT_ACCURACY].number;
    double ft_tco = a[VERDICT_FT_TCO].number, api_tco = a[VERDICT_API_TCO].number;
    double tolerance = a[VERDICT_TOLERANCE].number;

    (void)err;
    out->type = FTC_TYPE_TEXT;
    /* Prompting wins when it is close enough in quality and no dearer. */
    if (prompt_accuracy >= ft_accuracy * (1.0 - tolerance) && api_tco <= ft_tco)
        out->text = "PROMPT";
    else
        out->text = "FINE-TUNE";
    return FTC_OK;
}

static const ftc_arg_info verdict_args[] = {
    [VERDICT_FT_ACCURACY] = {.name = L("FtAccuracy"),
                             .description =
                                 L("Accuracy of the fine-tuned model on your evaluation set"),
                             REQUIRED(FTC_UNIT_SCORE, FTC_DOMAIN_NON_NEGATIVE)},
    [VERDICT_PROMPT_ACCURACY] = {.name = L("PromptAccuracy"),
                                 .description = L(
                                     "Accuracy of the prompted (or RAG) API model on the same "
                                     "set, same scale"),
                                 REQUIRED(FTC_UNIT_SCORE, FTC_DOMAIN_NON_NEGATIVE)},
    [VERDICT_FT_TCO] = {.name = L("FtTco"),
                        .description = L("Total cost of the fine-tuning path over the horizon "
                                         "(e.g. FT_TCO)"),
                        REQUIRED(FTC_UNIT_MONEY, FTC_DOMAIN_NON_NEGATIVE)},
    [VERDICT_API_TCO] = {.name = L("ApiTco"),
                         .description = L("Total cost of the API path over the same horizon "
                                          "(e.g. API_TCO)"),
                         REQUIRED(FTC_UNIT_MONEY, FTC_DOMAIN_NON_NEGATIVE)},
    [VERDICT_TOLERANCE] = {.name = L("Tolerance"),
                           .description =
                               L("How far below the fine-tuned accuracy prompting may "
                                 "stay, relative"),
                           OPTIONAL(FTC_UNIT_FRACTION, FTC_DOMAIN_FRACTION_BELOW_1, 0.10)},
};
FTC_ARGS_MATCH(verdict_args, VERDICT_N);

static const ftc_example verdict_examples[] = {
    TEXT_EXAMPLE("0.90; 0.85; 100000; 40000", "PROMPT"),
    TEXT_EXAMPLE("0.90; 0.78; 100000; 40000", "FINE-TUNE"),
};

const ftc_function ftc_fn_verdict = {
    .name = "FT_VERDICT",
    /* The words are not translated on purpose: a workbook that tests them
     * must answer the same in every Calc language, as CELL()'s codes do. */
    .description = L("\"PROMPT\" when prompting comes within Tolerance of the "
                     "fine-tuned accuracy and the API path costs no more; "
                     "otherwise \"FINE-TUNE\". The words are codes, the same in "
                     "every language, for formulas to test."),
    .result = FTC_TYPE_TEXT,
    ARGS(verdict_args),
    .notes = NO_TEXT,
    EXAMPLES(verdict_examples),
    .eval = eval_verdict,
    .expansion = "IF(AND({{PromptAccuracy}}>={{FtAccuracy}}*(1-{{Tolerance}});"
                 "{{ApiTco}}<={{FtTco}});\"PROMPT\";\"FINE-TUNE\")",
};
