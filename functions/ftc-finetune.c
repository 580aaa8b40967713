/* ftc-finetune.c: the fine-tuning side (TCO and its items, training,
 * serving, self-hosting, energy). */
#include "ftcost-private.h"

#include <math.h>

#define ARG_GPU_HOURLY_RATE                                                                    \
    {                                                                                          \
        .name = L("GpuHourlyRate"), .description = L("Price of one GPU hour"),                 \
        REQUIRED(FTC_UNIT_MONEY_PER_HOUR, FTC_DOMAIN_NON_NEGATIVE)                             \
    }

#define ARG_OVERHEAD                                                                           \
    {                                                                                          \
        .name = L("Overhead"),                                                                 \
        .description = L("Infrastructure management overhead on top, typically "               \
                         "0.15 to 0.30"),                                                      \
        OPTIONAL(FTC_UNIT_FRACTION, FTC_DOMAIN_FRACTION, 0)                                    \
    }

/* Argument positions shared by FT_TCO, FT_TCO_ITEMS and FT_HIDDEN_SHARE. */
enum {
    TCO_TRAINING,
    TCO_MONTHLY_SERVING,
    TCO_MONTHLY_ENG_HOURS,
    TCO_RETRAINS_PER_YEAR,
    TCO_LIFECYCLE_MONTHS,
    TCO_HOURLY_RATE,
    TCO_HORIZON,
    TCO_N_ARGS
};

enum { TCO_N_ITEMS = 5 };

/* The five items as share expansions, written once: FT_TCO sums them,
 * FT_TCO_ITEMS puts each in its row, FT_HIDDEN_SHARE composes FT_TCO. */
#define TCO_ITEM_TRAINING "{{Training}}"
#define TCO_ITEM_SERVING "{{MonthlyServing}}*{{Horizon}}"
#define TCO_ITEM_ENGINEERING "{{MonthlyEngHours}}*{{HourlyRate}}*{{Horizon}}"
#define TCO_ITEM_RETRAINS "{{Training}}*{{RetrainsPerYear}}*{{Horizon}}/12"
#define TCO_ITEM_REBUILDS "{{Training}}*INT({{Horizon}}/{{LifecycleMonths}})"

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

static ftc_status eval_tco(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    (void)err;
    return ftc_number(out, tco_total(a));
}

/* FT_TCO, FT_TCO_ITEMS and FT_HIDDEN_SHARE take the same arguments. */
static const ftc_arg_info tco_args[] = {
    [TCO_TRAINING] = {.name = L("Training"),
                      .description = L("Cost of the initial training run"),
                      REQUIRED(FTC_UNIT_MONEY, FTC_DOMAIN_NON_NEGATIVE)},
    [TCO_MONTHLY_SERVING] = {.name = L("MonthlyServing"),
                             .description = L("Serving cost: GPUs, autoscaling, on-call"),
                             REQUIRED(FTC_UNIT_MONEY_PER_MONTH, FTC_DOMAIN_NON_NEGATIVE)},
    [TCO_MONTHLY_ENG_HOURS] =
        {.name = L("MonthlyEngHours"),
         .description = L("Engineering hours for evaluations, retraining and debugging"),
         REQUIRED(FTC_UNIT_HOURS_PER_MONTH, FTC_DOMAIN_NON_NEGATIVE)},
    [TCO_RETRAINS_PER_YEAR] = {.name = L("RetrainsPerYear"),
                               .description =
                                   L("Retraining runs, each costing as much as the initial "
                                     "training"),
                               REQUIRED(FTC_UNIT_PER_YEAR, FTC_DOMAIN_NON_NEGATIVE)},
    [TCO_LIFECYCLE_MONTHS] = {.name = L("LifecycleMonths"),
                              .description =
                                  L("Time until the base model is deprecated and the "
                                    "fine-tune must be rebuilt"),
                              REQUIRED(FTC_UNIT_MONTHS, FTC_DOMAIN_POSITIVE)},
    [TCO_HOURLY_RATE] = {.name = L("HourlyRate"),
                         .description = L("Loaded cost of one engineering hour"),
                         OPTIONAL(FTC_UNIT_MONEY_PER_HOUR, FTC_DOMAIN_NON_NEGATIVE, 150)},
    [TCO_HORIZON] = {.name = L("Horizon"),
                     .description = L("Planning horizon"),
                     OPTIONAL(FTC_UNIT_MONTHS, FTC_DOMAIN_POSITIVE, 24)},
};
FTC_ARGS_MATCH(tco_args, TCO_N_ARGS);

static const ftc_example tco_examples[] = {
    NUMBER_EXAMPLE("200; 3000; 320; 1; 18", 1224800),
};

const ftc_function ftc_fn_tco = {
    .name = "FT_TCO",
    .description = L("Total cost of owning a fine-tuned model over the horizon: "
                     "training, serving, engineering, retrains and base-model "
                     "rebuilds."),
    .result = FTC_TYPE_NUMBER,
    ARGS(tco_args),
    .notes = L("Rebuilds count every base-model deprecation within the horizon: "
               "floor(Horizon / LifecycleMonths)."),
    EXAMPLES(tco_examples),
    .eval = eval_tco,
    .expansion = (TCO_ITEM_TRAINING "+" TCO_ITEM_SERVING "+" TCO_ITEM_ENGINEERING
                                    "+" TCO_ITEM_RETRAINS "+" TCO_ITEM_REBUILDS),
};

static ftc_status eval_tco_items(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    ftc_status st = ftc_array(out, TCO_N_ITEMS, 1, err);

    if (st == FTC_OK)
        tco_items(a, out->cells);
    return st;
}

static const double tco_items_cells[] = {200, 72000, 1152000, 400, 200};

static const ftc_example tco_items_examples[] = {
    {.args = "200; 3000; 320; 1; 18",
     .status = FTC_OK,
     .rows = 5,
     .cols = 1,
     .n_cells = FTC_N_ELEMENTS(tco_items_cells),
     .cells = tco_items_cells},
};

const ftc_function ftc_fn_tco_items = {
    .name = "FT_TCO_ITEMS",
    .description = L("The five items of FT_TCO (training, serving, engineering, "
                     "retrains, rebuilds) as a column of 5 rows; enter as an "
                     "array formula."),
    .result = FTC_TYPE_ARRAY,
    ARGS(tco_args),
    .notes = L("The items sum to FT_TCO."),
    EXAMPLES(tco_items_examples),
    .eval = eval_tco_items,
    /* Not CHOOSE(ROW(...);...): Gnumeric does not iterate CHOOSE's index
     * over an array, even in an array formula.  A constant column picks
     * each item: no sequence needed for a fixed length. */
    .expansion = (TCO_ITEM_TRAINING "*{1|0|0|0|0}"
                                    "+" TCO_ITEM_SERVING "*{0|1|0|0|0}"
                                    "+" TCO_ITEM_ENGINEERING "*{0|0|1|0|0}"
                                    "+" TCO_ITEM_RETRAINS "*{0|0|0|1|0}"
                                    "+" TCO_ITEM_REBUILDS "*{0|0|0|0|1}"),
};

static ftc_status eval_hidden_share(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    double total = tco_total(a);

    if (total == 0.0)
        return ftc_fail(err, FTC_ERR_INVALID, -1,
                        "the total cost is 0, so it has no hidden share");
    return ftc_number(out, 1.0 - a[TCO_TRAINING].number / total);
}

static const ftc_example hidden_share_examples[] = {
    NUMBER_EXAMPLE("200; 3000; 320; 1; 18", 0.9998367080339647), /* 1 - 200/1224800 */
    ERROR_EXAMPLE("0; 0; 0; 0; 18", FTC_ERR_INVALID),
};

const ftc_function ftc_fn_hidden_share = {
    .name = "FT_HIDDEN_SHARE",
    .description = L("Share of the total cost of ownership that the training "
                     "run alone does not show: 1 - Training / FT_TCO."),
    .result = FTC_TYPE_NUMBER,
    ARGS(tco_args),
    .notes = L("Err:502 when the total cost is 0."),
    EXAMPLES(hidden_share_examples),
    .eval = eval_hidden_share,
    /* FT_TCO's expansion on the same arguments (ftc_formula_compose). */
    .expansion = "1-{{Training}}/({{FT_TCO(...)}})",
};

enum { TRAIN_RATE, TRAIN_HOURS, TRAIN_GPUS, TRAIN_RUNS, TRAIN_OVERHEAD, TRAIN_N };

static ftc_status eval_training_cost(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    (void)err;
    /* rate * hours * gpus * runs * (1 + overhead), left to right */
    return ftc_number(out, a[TRAIN_RATE].number * a[TRAIN_HOURS].number * a[TRAIN_GPUS].number *
                               a[TRAIN_RUNS].number * (1.0 + a[TRAIN_OVERHEAD].number));
}

static const ftc_arg_info training_cost_args[] = {
    [TRAIN_RATE] = ARG_GPU_HOURLY_RATE,
    [TRAIN_HOURS] = {.name = L("GpuHoursPerRun"),
                     .description = L("Time one run takes on each GPU"),
                     REQUIRED(FTC_UNIT_HOURS, FTC_DOMAIN_NON_NEGATIVE)},
    [TRAIN_GPUS] = {.name = L("Gpus"),
                    .description = L("GPUs each run uses in parallel"),
                    OPTIONAL(FTC_UNIT_COUNT, FTC_DOMAIN_NON_NEGATIVE, 1)},
    [TRAIN_RUNS] = {.name = L("Runs"),
                    .description = L("Runs in all, counting hyper-parameter experiments and "
                                     "validation runs"),
                    OPTIONAL(FTC_UNIT_COUNT, FTC_DOMAIN_NON_NEGATIVE, 1)},
    [TRAIN_OVERHEAD] = ARG_OVERHEAD,
};
FTC_ARGS_MATCH(training_cost_args, TRAIN_N);

static const ftc_example training_cost_examples[] = {
    NUMBER_EXAMPLE("1.32; 1; 1; 10", 13.2),
};

const ftc_function ftc_fn_training_cost = {
    .name = "FT_TRAINING_COST",
    .description = L("Cost of training on rented GPUs: rate × hours × GPUs × "
                     "runs × (1 + overhead)."),
    .result = FTC_TYPE_NUMBER,
    ARGS(training_cost_args),
    .notes = NO_TEXT,
    EXAMPLES(training_cost_examples),
    .eval = eval_training_cost,
    .expansion = "{{GpuHourlyRate}}*{{GpuHoursPerRun}}*{{Gpus}}*{{Runs}}*(1+{{Overhead}})",
};

enum { TOKENS_TOKENS, TOKENS_EPOCHS, TOKENS_PRICE, TOKENS_RUNS, TOKENS_N };

static ftc_status eval_training_tokens_cost(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    (void)err;
    /* tokens * epochs * price / 1e6 * runs: prices are per million tokens */
    return ftc_number(out, a[TOKENS_TOKENS].number * a[TOKENS_EPOCHS].number *
                               a[TOKENS_PRICE].number / 1e6 * a[TOKENS_RUNS].number);
}

static const ftc_arg_info training_tokens_cost_args[] = {
    [TOKENS_TOKENS] = {.name = L("TrainingTokens"),
                       .description = L("Tokens in the training data set"),
                       REQUIRED(FTC_UNIT_TOKENS, FTC_DOMAIN_NON_NEGATIVE)},
    [TOKENS_EPOCHS] = {.name = L("Epochs"),
                       .description = L("Passes over the training data"),
                       REQUIRED(FTC_UNIT_COUNT, FTC_DOMAIN_NON_NEGATIVE)},
    [TOKENS_PRICE] = {.name = L("PricePerMTok"),
                      .description = L("Training price the service charges"),
                      REQUIRED(FTC_UNIT_MONEY_PER_MTOK, FTC_DOMAIN_NON_NEGATIVE)},
    [TOKENS_RUNS] = {.name = L("Runs"),
                     .description = L("Training jobs in all, counting experiments"),
                     OPTIONAL(FTC_UNIT_COUNT, FTC_DOMAIN_NON_NEGATIVE, 1)},
};
FTC_ARGS_MATCH(training_tokens_cost_args, TOKENS_N);

static const ftc_example training_tokens_cost_examples[] = {
    NUMBER_EXAMPLE("5000000; 3; 25", 375),
};

const ftc_function ftc_fn_training_tokens_cost = {
    .name = "FT_TRAINING_TOKENS_COST",
    .description = L("Cost of training billed per token by a hosted "
                     "fine-tuning service: tokens × epochs × price / "
                     "1,000,000 × runs."),
    .result = FTC_TYPE_NUMBER,
    ARGS(training_tokens_cost_args),
    .notes = NO_TEXT,
    EXAMPLES(training_tokens_cost_examples),
    .eval = eval_training_tokens_cost,
    .expansion = "{{TrainingTokens}}*{{Epochs}}*{{PricePerMTok}}/1000000*{{Runs}}",
};

enum { SERVE_RATE, SERVE_GPUS, SERVE_HOURS, SERVE_OVERHEAD, SERVE_N };

static ftc_status eval_serving_cost(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    (void)err;
    return ftc_number(out, a[SERVE_RATE].number * a[SERVE_GPUS].number * a[SERVE_HOURS].number *
                               (1.0 + a[SERVE_OVERHEAD].number));
}

static const ftc_arg_info serving_cost_args[] = {
    [SERVE_RATE] = ARG_GPU_HOURLY_RATE,
    [SERVE_GPUS] = {.name = L("Gpus"),
                    .description = L("GPUs serving the model"),
                    REQUIRED(FTC_UNIT_COUNT, FTC_DOMAIN_NON_NEGATIVE)},
    [SERVE_HOURS] = {.name = L("HoursPerMonth"),
                     .description = L("Time each GPU runs in a month (730 = always on)"),
                     OPTIONAL(FTC_UNIT_HOURS_PER_MONTH, FTC_DOMAIN_NON_NEGATIVE, 730)},
    [SERVE_OVERHEAD] = ARG_OVERHEAD,
};
FTC_ARGS_MATCH(serving_cost_args, SERVE_N);

static const ftc_example serving_cost_examples[] = {
    NUMBER_EXAMPLE("2; 2", 2920),
};

const ftc_function ftc_fn_serving_cost = {
    .name = "FT_SERVING_COST",
    .description = L("Monthly cost of serving a model on your own GPUs: rate × "
                     "GPUs × hours per month × (1 + overhead)."),
    .result = FTC_TYPE_NUMBER,
    ARGS(serving_cost_args),
    .notes = NO_TEXT,
    EXAMPLES(serving_cost_examples),
    .eval = eval_serving_cost,
    .expansion = "{{GpuHourlyRate}}*{{Gpus}}*{{HoursPerMonth}}*(1+{{Overhead}})",
};

enum { SELF_RATE, SELF_TOKENS_PER_SECOND, SELF_UTILIZATION, SELF_GPUS, SELF_N };

static ftc_status eval_selfhost_per_mtok(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    double rate = a[SELF_RATE].number, tokens_per_second = a[SELF_TOKENS_PER_SECOND].number;
    double utilization = a[SELF_UTILIZATION].number, gpus = a[SELF_GPUS].number;

    (void)err;
    /* An hour of the whole deployment buys tps * 3600 * utilization tokens. */
    return ftc_number(out, rate * gpus * 1e6 / (tokens_per_second * 3600.0 * utilization));
}

static const ftc_arg_info selfhost_per_mtok_args[] = {
    [SELF_RATE] = ARG_GPU_HOURLY_RATE,
    [SELF_TOKENS_PER_SECOND] = {.name = L("TokensPerSecond"),
                                .description =
                                    L("Aggregate throughput of the whole deployment"),
                                REQUIRED(FTC_UNIT_TOKENS_PER_SECOND, FTC_DOMAIN_POSITIVE)},
    [SELF_UTILIZATION] = {.name = L("Utilization"),
                          .description = L("Share of the time the GPUs do useful work"),
                          OPTIONAL(FTC_UNIT_FRACTION, FTC_DOMAIN_FRACTION_ABOVE_0, 1)},
    [SELF_GPUS] = {.name = L("Gpus"),
                   .description = L("GPUs in the deployment"),
                   OPTIONAL(FTC_UNIT_COUNT, FTC_DOMAIN_POSITIVE, 1)},
};
FTC_ARGS_MATCH(selfhost_per_mtok_args, SELF_N);

static const ftc_example selfhost_per_mtok_examples[] = {
    NUMBER_EXAMPLE("2; 1000; 0.5", 1.1111111111111112), /* 10/9 */
};

const ftc_function ftc_fn_selfhost_per_mtok = {
    .name = "FT_SELFHOST_PER_MTOK",
    .description = L("Cost of one million tokens served on your own GPUs, to "
                     "compare with an API's price per million tokens."),
    .result = FTC_TYPE_NUMBER,
    ARGS(selfhost_per_mtok_args),
    .notes = NO_TEXT,
    EXAMPLES(selfhost_per_mtok_examples),
    .eval = eval_selfhost_per_mtok,
    .expansion =
        "{{GpuHourlyRate}}*{{Gpus}}*1000000/({{TokensPerSecond}}*3600*{{Utilization}})",
};

enum { ENERGY_WATTS, ENERGY_GPUS, ENERGY_HOURS, ENERGY_PUE, ENERGY_N };

static ftc_status eval_energy_kwh(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    (void)err;
    /* watts * gpus * hours * PUE / 1000: PUE adds cooling and power losses */
    return ftc_number(out, a[ENERGY_WATTS].number * a[ENERGY_GPUS].number *
                               a[ENERGY_HOURS].number * a[ENERGY_PUE].number / 1000.0);
}

static const ftc_arg_info energy_kwh_args[] = {
    [ENERGY_WATTS] = {.name = L("GpuWatts"),
                      .description = L("Average power draw of one GPU"),
                      REQUIRED(FTC_UNIT_WATTS, FTC_DOMAIN_NON_NEGATIVE)},
    [ENERGY_GPUS] = {.name = L("Gpus"),
                     .description = L("GPUs running"),
                     REQUIRED(FTC_UNIT_COUNT, FTC_DOMAIN_NON_NEGATIVE)},
    [ENERGY_HOURS] = {.name = L("Hours"),
                      .description = L("Time they run"),
                      REQUIRED(FTC_UNIT_HOURS, FTC_DOMAIN_NON_NEGATIVE)},
    [ENERGY_PUE] = {.name = L("PUE"),
                    .description = L("Power usage effectiveness of the data centre "
                                     "(facility power / IT power)"),
                    OPTIONAL(FTC_UNIT_RATIO, FTC_DOMAIN_AT_LEAST_1, 1.2)},
};
FTC_ARGS_MATCH(energy_kwh_args, ENERGY_N);

static const ftc_example energy_kwh_examples[] = {
    NUMBER_EXAMPLE("700; 8; 100", 672),
};

const ftc_function ftc_fn_energy_kwh = {
    .name = "FT_ENERGY_KWH",
    .description = L("Energy used by GPUs, data-centre overhead included: "
                     "watts × GPUs × hours × PUE / 1000."),
    .result = FTC_TYPE_NUMBER,
    ARGS(energy_kwh_args),
    .notes = NO_TEXT,
    EXAMPLES(energy_kwh_examples),
    .eval = eval_energy_kwh,
    .expansion = "{{GpuWatts}}*{{Gpus}}*{{Hours}}*{{PUE}}/1000",
};

enum { CO2_KWH, CO2_GRAMS_PER_KWH, CO2_N };

static ftc_status eval_co2_kg(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    (void)err;
    return ftc_number(out, a[CO2_KWH].number * a[CO2_GRAMS_PER_KWH].number / 1000.0);
}

static const ftc_arg_info co2_kg_args[] = {
    [CO2_KWH] = {.name = L("KWh"),
                 .description = L("Energy used"),
                 REQUIRED(FTC_UNIT_KWH, FTC_DOMAIN_NON_NEGATIVE)},
    [CO2_GRAMS_PER_KWH] = {.name = L("GridGramsPerKWh"),
                           .description = L("Carbon intensity of the electricity grid"),
                           REQUIRED(FTC_UNIT_GRAMS_PER_KWH, FTC_DOMAIN_NON_NEGATIVE)},
};
FTC_ARGS_MATCH(co2_kg_args, CO2_N);

static const ftc_example co2_kg_examples[] = {
    NUMBER_EXAMPLE("672; 400", 268.8),
};

const ftc_function ftc_fn_co2_kg = {
    .name = "FT_CO2_KG",
    .description = L("CO2 emitted for an amount of energy: kWh × grams per kWh "
                     "/ 1000."),
    .result = FTC_TYPE_NUMBER,
    ARGS(co2_kg_args),
    .notes = NO_TEXT,
    EXAMPLES(co2_kg_examples),
    .eval = eval_co2_kg,
    .expansion = "{{KWh}}*{{GridGramsPerKWh}}/1000",
};
