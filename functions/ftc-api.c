/* ftc-api.c: the hosted-API side (cost of a volume, TCO over a horizon). */
#include "ftcost-private.h"

enum {
    COST_INPUT_TOKENS,
    COST_OUTPUT_TOKENS,
    COST_INPUT_PRICE,
    COST_OUTPUT_PRICE,
    COST_CACHED_TOKENS,
    COST_CACHED_PRICE,
    COST_DISCOUNT,
};

ftc_status ftc_eval_api_cost(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    double input = a[COST_INPUT_TOKENS].number;
    double cached = a[COST_CACHED_TOKENS].number;

    /* Cached tokens are a part of the input, billed at the cache price. */
    if (cached > input)
        return ftc_fail(err, FTC_ERR_INVALID, COST_CACHED_TOKENS,
                        "CachedTokens (%.17g) must not exceed InputTokens (%.17g)",
                        cached, input);
    return ftc_number(out, ((input - cached) * a[COST_INPUT_PRICE].number +
                            cached * a[COST_CACHED_PRICE].number +
                            a[COST_OUTPUT_TOKENS].number * a[COST_OUTPUT_PRICE].number) /
                               1e6 * (1.0 - a[COST_DISCOUNT].number));
}

enum {
    TCO_INPUT_TOKENS,
    TCO_OUTPUT_TOKENS,
    TCO_INPUT_PRICE,
    TCO_OUTPUT_PRICE,
    TCO_GROWTH,
    TCO_HORIZON,
    TCO_PROMPT_ENG,
    TCO_PRICE_CHANGE,
};

ftc_status ftc_eval_api_tco(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    double first_month = (a[TCO_INPUT_TOKENS].number * a[TCO_INPUT_PRICE].number +
                          a[TCO_OUTPUT_TOKENS].number * a[TCO_OUTPUT_PRICE].number) / 1e6;
    /* Volume and price move together: the monthly bill is scaled by both. */
    double ratio = (1.0 + a[TCO_GROWTH].number) * (1.0 + a[TCO_PRICE_CHANGE].number);
    double horizon = a[TCO_HORIZON].number; /* whole, 1..FTC_MAX_MONTHS */

    (void)err;
    return ftc_number(out, ftc_grown_sum(first_month, ratio, (int)horizon) +
                               a[TCO_PROMPT_ENG].number * horizon);
}

double ftc_grown_sum(double monthly, double ratio, int months)
{
    double sum = 0.0;

    for (int m = 0; m < months; m++)
        sum += ftc_grown(monthly, ratio, m);
    return sum;
}
