/* ftc-api.c: the hosted-API side (cost of a volume, TCO over a horizon). */
#include "ftcost-private.h"

#define ARG_INPUT_PRICE                                                                        \
    {                                                                                          \
        .name = L("InputPrice"), .description = L("Price of input tokens"),                    \
        REQUIRED(FTC_UNIT_MONEY_PER_MTOK, FTC_DOMAIN_NON_NEGATIVE)                             \
    }

#define ARG_OUTPUT_PRICE                                                                       \
    {                                                                                          \
        .name = L("OutputPrice"), .description = L("Price of output tokens"),                  \
        REQUIRED(FTC_UNIT_MONEY_PER_MTOK, FTC_DOMAIN_NON_NEGATIVE)                             \
    }

enum {
    COST_INPUT_TOKENS,
    COST_OUTPUT_TOKENS,
    COST_INPUT_PRICE,
    COST_OUTPUT_PRICE,
    COST_CACHED_TOKENS,
    COST_CACHED_PRICE,
    COST_DISCOUNT,
    COST_N
};

static ftc_status eval_api_cost(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    double input = a[COST_INPUT_TOKENS].number;
    double cached = a[COST_CACHED_TOKENS].number;

    /* Cached tokens are a part of the input, billed at the cache price. */
    if (cached > input)
        return ftc_fail(err, FTC_ERR_INVALID, COST_CACHED_TOKENS,
                        "CachedTokens (%.17g) must not exceed InputTokens (%.17g)", cached,
                        input);
    return ftc_number(out, ((input - cached) * a[COST_INPUT_PRICE].number +
                            cached * a[COST_CACHED_PRICE].number +
                            a[COST_OUTPUT_TOKENS].number * a[COST_OUTPUT_PRICE].number) /
                               1e6 * (1.0 - a[COST_DISCOUNT].number));
}

static const ftc_arg_info api_cost_args[] = {
    [COST_INPUT_TOKENS] = {.name = L("InputTokens"),
                           .description = L("Input (prompt) tokens"),
                           REQUIRED(FTC_UNIT_TOKENS, FTC_DOMAIN_NON_NEGATIVE)},
    [COST_OUTPUT_TOKENS] = {.name = L("OutputTokens"),
                            .description = L("Output (completion) tokens"),
                            REQUIRED(FTC_UNIT_TOKENS, FTC_DOMAIN_NON_NEGATIVE)},
    [COST_INPUT_PRICE] = ARG_INPUT_PRICE,
    [COST_OUTPUT_PRICE] = ARG_OUTPUT_PRICE,
    [COST_CACHED_TOKENS] = {.name = L("CachedTokens"),
                            .description =
                                L("The part of InputTokens read from the prompt cache"),
                            OPTIONAL(FTC_UNIT_TOKENS, FTC_DOMAIN_NON_NEGATIVE, 0)},
    [COST_CACHED_PRICE] = {.name = L("CachedPrice"),
                           .description = L("Price of cached input tokens"),
                           .unit = FTC_UNIT_MONEY_PER_MTOK,
                           .domain = FTC_DOMAIN_NON_NEGATIVE,
                           .optional = true,
                           .default_arg = COST_INPUT_PRICE},
    [COST_DISCOUNT] = {.name = L("Discount"),
                       .description = L("Discount on the whole bill (0.5 for a batch API)"),
                       OPTIONAL(FTC_UNIT_FRACTION, FTC_DOMAIN_FRACTION, 0)},
};
FTC_ARGS_MATCH(api_cost_args, COST_N);

static const ftc_example api_cost_examples[] = {
    NUMBER_EXAMPLE("1000000; 200000; 2.5; 10", 4.5),
    NUMBER_EXAMPLE("1000000; 200000; 2.5; 10; 400000; 1.25", 4.0),
};

const ftc_function ftc_fn_api_cost = {
    .name = "API_COST",
    .description = L("Cost of a volume of API calls, with prompt caching and an "
                     "optional discount (0.5 for a batch API)."),
    .result = FTC_TYPE_NUMBER,
    ARGS(api_cost_args),
    .notes = L("Err:502 when CachedTokens exceeds InputTokens."),
    EXAMPLES(api_cost_examples),
    .eval = eval_api_cost,
    .expansion = "IF({{CachedTokens}}>{{InputTokens}};NA();"
                 "(({{InputTokens}}-{{CachedTokens}})*{{InputPrice}}"
                 "+{{CachedTokens}}*{{CachedPrice}}+{{OutputTokens}}*{{OutputPrice}})"
                 "/1000000*(1-{{Discount}}))",
};

enum {
    TCO_INPUT_TOKENS,
    TCO_OUTPUT_TOKENS,
    TCO_INPUT_PRICE,
    TCO_OUTPUT_PRICE,
    TCO_GROWTH,
    TCO_HORIZON,
    TCO_PROMPT_ENG,
    TCO_PRICE_CHANGE,
    TCO_N
};

static ftc_status eval_api_tco(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    double first_month = (a[TCO_INPUT_TOKENS].number * a[TCO_INPUT_PRICE].number +
                          a[TCO_OUTPUT_TOKENS].number * a[TCO_OUTPUT_PRICE].number) /
                         1e6;
    /* Volume and price move together: the monthly bill is scaled by both. */
    double ratio = (1.0 + a[TCO_GROWTH].number) * (1.0 + a[TCO_PRICE_CHANGE].number);
    double horizon = a[TCO_HORIZON].number; /* whole, 1..FTC_MAX_MONTHS */

    (void)err;
    return ftc_number(out, ftc_grown_sum(first_month, ratio, (int)horizon) +
                               a[TCO_PROMPT_ENG].number * horizon);
}

static const ftc_arg_info api_tco_args[] = {
    [TCO_INPUT_TOKENS] = {.name = L("MonthlyInputTokens"),
                          .description = L("Input tokens in the first month"),
                          REQUIRED(FTC_UNIT_TOKENS_PER_MONTH, FTC_DOMAIN_NON_NEGATIVE)},
    [TCO_OUTPUT_TOKENS] = {.name = L("MonthlyOutputTokens"),
                           .description = L("Output tokens in the first month"),
                           REQUIRED(FTC_UNIT_TOKENS_PER_MONTH, FTC_DOMAIN_NON_NEGATIVE)},
    [TCO_INPUT_PRICE] = ARG_INPUT_PRICE,
    [TCO_OUTPUT_PRICE] = ARG_OUTPUT_PRICE,
    [TCO_GROWTH] = {.name = L("MonthlyGrowth"),
                    .description = L("Growth of the token volume each month"),
                    OPTIONAL(FTC_UNIT_FRACTION_PER_MONTH, FTC_DOMAIN_ABOVE_MINUS_1, 0)},
    [TCO_HORIZON] = {.name = L("Horizon"),
                     .description = L("Planning horizon"),
                     OPTIONAL(FTC_UNIT_MONTHS, FTC_DOMAIN_WHOLE_MONTHS, 24)},
    [TCO_PROMPT_ENG] = {.name = L("MonthlyPromptEng"),
                        .description = L("Prompt-engineering labour"),
                        OPTIONAL(FTC_UNIT_MONEY_PER_MONTH, FTC_DOMAIN_NON_NEGATIVE, 0)},
    [TCO_PRICE_CHANGE] = {.name = L("MonthlyPriceChange"),
                          .description =
                              L("Change of the token prices each month; negative when "
                                "providers cut prices"),
                          OPTIONAL(FTC_UNIT_FRACTION_PER_MONTH, FTC_DOMAIN_ABOVE_MINUS_1, 0)},
};
FTC_ARGS_MATCH(api_tco_args, TCO_N);

static const ftc_example api_tco_examples[] = {
    NUMBER_EXAMPLE("100000000; 20000000; 2.5; 10", 10800),
    /* 450 * (1.05^24 - 1) / 0.05, exact rational sum rounded once */
    NUMBER_EXAMPLE("100000000; 20000000; 2.5; 10; 0.05", 20025.899493423298),
};

const ftc_function ftc_fn_api_tco = {
    .name = "API_TCO",
    .description = L("Cost of the API path over the horizon, with usage "
                     "growth, price changes and prompt-engineering labour."),
    .result = FTC_TYPE_NUMBER,
    ARGS(api_tco_args),
    .notes = L("Month m (from 0) costs the first month's bill × ((1 + "
               "MonthlyGrowth) × (1 + MonthlyPriceChange))^m."),
    EXAMPLES(api_tco_examples),
    .eval = eval_api_tco,
    .expansion =
        "({{MonthlyInputTokens}}*{{InputPrice}}+{{MonthlyOutputTokens}}*{{OutputPrice}})"
        "/1000000*" FTC_GROWN_SUM("((1+{{MonthlyGrowth}})*(1+{{MonthlyPriceChange}}))",
                                  "{{Horizon}}") "+{{MonthlyPromptEng}}*{{Horizon}}",
};

double ftc_grown_sum(double monthly, double ratio, int months)
{
    double sum = 0.0;

    for (int m = 0; m < months; m++)
        sum += ftc_grown(monthly, ratio, m);
    return sum;
}
