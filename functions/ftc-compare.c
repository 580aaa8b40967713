/* ftc-compare.c: fine-tuning against the API (break-even, cash flows,
 * verdict). */
#include "ftcost-private.h"

enum {
    CMP_FT_UPFRONT,
    CMP_FT_MONTHLY,
    CMP_API_MONTHLY,
    CMP_API_GROWTH,
    CMP_MONTHS, /* MaxMonths for FT_BREAKEVEN, Months for FT_SCHEDULE */
};

/* Cumulative costs after m whole months; *api_sum carries the API's running
 * sum from month m-1 (the spec's sum over k = 0 .. m-1). */
static void cumulative_step(const ftc_value *a, double m, double *ft, double *api_sum,
                            double *api_flow)
{
    *api_flow = ftc_grown(a[CMP_API_MONTHLY].number, 1.0 + a[CMP_API_GROWTH].number,
                          m - 1.0);
    *api_sum += *api_flow;
    *ft = a[CMP_FT_UPFRONT].number + a[CMP_FT_MONTHLY].number * m;
}

ftc_status ftc_eval_breakeven(const ftc_value *a, ftc_result *out, ftc_error *err)
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

ftc_status ftc_eval_breakeven_volume(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    double fixed = a[0].number, self_host = a[1].number, api = a[2].number;

    /* Each million tokens moved off the API saves (api - self_host). */
    if (api <= self_host)
        return ftc_fail(err, FTC_ERR_NO_ANSWER, -1,
                        "the API price (%.17g) is not above the self-hosted price "
                        "(%.17g): self-hosting never breaks even",
                        api, self_host);
    return ftc_number(out, fixed * 1e6 / (api - self_host));
}

enum {
    SCHED_MONTH,
    SCHED_FT_FLOW,
    SCHED_API_FLOW,
    SCHED_FT_CUMULATIVE,
    SCHED_API_CUMULATIVE,
    SCHED_COLS
};

ftc_status ftc_eval_schedule(const ftc_value *a, ftc_result *out, ftc_error *err)
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

ftc_status ftc_eval_verdict(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    double ft_accuracy = a[0].number, prompt_accuracy = a[1].number;
    double ft_tco = a[2].number, api_tco = a[3].number, tolerance = a[4].number;

    (void)err;
    out->type = FTC_TYPE_TEXT;
    /* Prompting wins when it is close enough in quality and no dearer. */
    if (prompt_accuracy >= ft_accuracy * (1.0 - tolerance) && api_tco <= ft_tco)
        out->text = "PROMPT";
    else
        out->text = "FINE-TUNE";
    return FTC_OK;
}
