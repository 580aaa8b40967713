/* ftc-finetune.c: the fine-tuning side (TCO and its items, training,
 * serving, self-hosting, energy). */
#include "ftcost-private.h"

#include <math.h>

/* Argument positions shared by FT_TCO, FT_TCO_ITEMS and FT_HIDDEN_SHARE. */
enum {
    TCO_TRAINING,
    TCO_MONTHLY_SERVING,
    TCO_MONTHLY_ENG_HOURS,
    TCO_RETRAINS_PER_YEAR,
    TCO_LIFECYCLE_MONTHS,
    TCO_HOURLY_RATE,
    TCO_HORIZON,
};

enum { TCO_N_ITEMS = 5 };

static void tco_items(const ftc_value *a, double item[TCO_N_ITEMS])
{
    double training = a[TCO_TRAINING].number;
    double horizon = a[TCO_HORIZON].number;

    item[0] = training;
    item[1] = a[TCO_MONTHLY_SERVING].number * horizon;
    item[2] = a[TCO_MONTHLY_ENG_HOURS].number * a[TCO_HOURLY_RATE].number * horizon;
    item[3] = training * a[TCO_RETRAINS_PER_YEAR].number * horizon / 12.0;
    /* One rebuild per base-model deprecation inside the horizon; a
     * deprecation exactly at the horizon's end counts (floor, not ceil-1). */
    item[4] = training * floor(horizon / a[TCO_LIFECYCLE_MONTHS].number);
}

/* Summed in item order so FT_TCO equals the sum of FT_TCO_ITEMS in Calc. */
static double tco_total(const ftc_value *a)
{
    double item[TCO_N_ITEMS];
    double total = 0.0;

    tco_items(a, item);
    for (int i = 0; i < TCO_N_ITEMS; i++)
        total += item[i];
    return total;
}

ftc_status ftc_eval_tco(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    (void)err;
    return ftc_number(out, tco_total(a));
}

ftc_status ftc_eval_tco_items(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    ftc_status st = ftc_array(out, TCO_N_ITEMS, 1, err);

    if (st == FTC_OK)
        tco_items(a, out->cells);
    return st;
}

ftc_status ftc_eval_hidden_share(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    double total = tco_total(a);

    if (total == 0.0)
        return ftc_fail(err, FTC_ERR_INVALID, -1,
                        "the total cost is 0, so it has no hidden share");
    return ftc_number(out, 1.0 - a[TCO_TRAINING].number / total);
}

ftc_status ftc_eval_training_cost(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    (void)err;
    /* rate * hours * gpus * runs * (1 + overhead), left to right */
    return ftc_number(out, a[0].number * a[1].number * a[2].number *
                               a[3].number * (1.0 + a[4].number));
}

ftc_status ftc_eval_training_tokens_cost(const ftc_value *a, ftc_result *out,
                                         ftc_error *err)
{
    (void)err;
    /* tokens * epochs * price / 1e6 * runs: prices are per million tokens */
    return ftc_number(out, a[0].number * a[1].number * a[2].number / 1e6 *
                               a[3].number);
}

ftc_status ftc_eval_serving_cost(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    (void)err;
    return ftc_number(out, a[0].number * a[1].number * a[2].number *
                               (1.0 + a[3].number));
}

ftc_status ftc_eval_selfhost_per_mtok(const ftc_value *a, ftc_result *out,
                                      ftc_error *err)
{
    double rate = a[0].number, tokens_per_second = a[1].number;
    double utilization = a[2].number, gpus = a[3].number;

    (void)err;
    /* An hour of the whole deployment buys tps * 3600 * utilization tokens. */
    return ftc_number(out, rate * gpus * 1e6 /
                               (tokens_per_second * 3600.0 * utilization));
}

ftc_status ftc_eval_energy_kwh(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    (void)err;
    /* watts * gpus * hours * PUE / 1000: PUE adds cooling and power losses */
    return ftc_number(out, a[0].number * a[1].number * a[2].number *
                               a[3].number / 1000.0);
}

ftc_status ftc_eval_co2_kg(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    (void)err;
    return ftc_number(out, a[0].number * a[1].number / 1000.0);
}
