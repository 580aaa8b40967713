/* ftc-gpu-functions.c: GPU_PRICE, GPU_PRICE_DATE and GPU_SPEC, the
 * functions on the GPU catalogue in force (ftc_prices_get()). */
#include "ftcost-private.h"

#include <math.h>

#define ARG_GPU                                                                                \
    {                                                                                          \
        .name = L("Gpu"),                                                                      \
        .description = L("GPU name as in the GPU catalogue shipped with ftcost, e.g. "         \
                         "\"H100\", \"A100-80GB\", \"L4\"; case does not matter; a GPU "       \
                         "not in the catalogue gives #N/A"),                                   \
        REQUIRED_TEXT                                                                          \
    }

#define ARG_PROVIDER                                                                           \
    {                                                                                          \
        .name = L("Provider"),                                                                 \
        .description = L("Cloud: \"aws\", \"gcp\", \"azure\", \"lambda\", "                    \
                         "\"runpod\", ..."),                                                   \
        REQUIRED_TEXT                                                                          \
    }

static ftc_status need_name(const char *fn, const char *what, int arg, const char *name,
                            ftc_error *err)
{
    if (name == NULL || *name == '\0')
        return ftc_fail(err, FTC_ERR_INVALID, arg, "%s: %s must not be empty", fn, what);
    return FTC_OK;
}

/* The GPU's price entry at the provider, or #N/A saying which is unknown. */
static ftc_status find_price(const ftc_price_list *list, const char *fn, const ftc_value *a,
                             const ftc_gpu_price **out, ftc_error *err)
{
    ftc_status st = need_name(fn, "Gpu", 0, a[0].text, err);

    if (st == FTC_OK)
        st = need_name(fn, "Provider", 1, a[1].text, err);
    if (st != FTC_OK)
        return st;
    *out = ftc_price_list_find_gpu_price(list, a[0].text, a[1].text);
    if (*out == NULL)
        return ftc_fail(err, FTC_ERR_NO_ANSWER, 1,
                        "%s: no price for the GPU \"%.40s\" at \"%.40s\" (see `ftcost gpus`)",
                        fn, a[0].text, a[1].text);
    return FTC_OK;
}

/* --- GPU_PRICE ---------------------------------------------------------------- */

enum { PRICE_GPU, PRICE_PROVIDER, PRICE_KIND, PRICE_N };

static const ftc_arg_info gpu_price_args[] = {
    [PRICE_GPU] = ARG_GPU,
    [PRICE_PROVIDER] = ARG_PROVIDER,
    [PRICE_KIND] = {.name = L("Kind"),
                    .description = L("Which price: on demand, spot, or reserved for one "
                                     "or three years"),
                    OPTIONAL_CHOICE(ftc_gpu_price_kind_names, "on_demand")},
};
FTC_ARGS_MATCH(gpu_price_args, PRICE_N);

/* The shipped catalogue (functions/prices.json); change these with it. */
static const ftc_example gpu_price_examples[] = {
    NUMBER_EXAMPLE("\"H100\"; \"aws\"", 6.88),
    NUMBER_EXAMPLE("\"h100\"; \"AWS\"; \"spot\"", 2.203613),
    NUMBER_EXAMPLE("\"A100-80GB\"; \"lambda\"", 2.79),
    ERROR_EXAMPLE("\"H100\"; \"lambda\"; \"spot\"", FTC_ERR_NO_ANSWER),
    ERROR_EXAMPLE("\"H100\"; \"no-such-cloud\"", FTC_ERR_NO_ANSWER),
    ERROR_EXAMPLE("\"no-such-gpu\"; \"aws\"", FTC_ERR_NO_ANSWER),
    ERROR_EXAMPLE("\"H100\"; \"aws\"; \"hourly\"", FTC_ERR_INVALID),
};

static ftc_status eval_gpu_price(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    int kind = (int)a[PRICE_KIND].number;
    ftc_price_list *list = ftc_prices_get();
    const ftc_gpu_price *p;
    ftc_status st = find_price(list, "GPU_PRICE", a, &p, err);

    if (st == FTC_OK && isnan(p->price[kind]))
        st = ftc_fail(err, FTC_ERR_NO_ANSWER, PRICE_KIND, "GPU_PRICE: %s at %s has no %s price",
                      p->gpu, p->provider, ftc_gpu_price_kind_names[kind]);
    if (st == FTC_OK)
        ftc_number(out, p->price[kind]);
    ftc_price_list_unref(list);
    return st;
}

const ftc_function ftc_fn_gpu_price = {
    .name = "GPU_PRICE",
    .description = L("Price of one GPU-hour at a cloud provider, from the dated GPU "
                     "catalogue shipped with ftcost or your own price file."),
    .result = FTC_TYPE_NUMBER,
    ARGS(gpu_price_args),
    .notes = L("USD list prices: an instance's price divided by its GPUs, as of "
               "GPU_PRICE_DATE. #N/A for an unknown GPU or provider, or a kind of "
               "price that provider has none of. Your own prices go in a \"gpus\" "
               "list of ~/.config/ftcost/prices.json or of FTCOST_PRICES."),
    EXAMPLES(gpu_price_examples),
    .eval = eval_gpu_price,
    .dated_by = "GPU_PRICE_DATE",
};

/* --- GPU_PRICE_DATE ----------------------------------------------------------- */

static const ftc_arg_info gpu_price_date_args[] = {ARG_GPU, ARG_PROVIDER};

static const ftc_example gpu_price_date_examples[] = {
    NUMBER_EXAMPLE("\"H100\"; \"aws\"", 46355), /* 2026-11-29 */
    ERROR_EXAMPLE("\"H100\"; \"no-such-cloud\"", FTC_ERR_NO_ANSWER),
};

static ftc_status eval_gpu_price_date(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    ftc_price_list *list = ftc_prices_get();
    const ftc_gpu_price *p;
    ftc_status st = find_price(list, "GPU_PRICE_DATE", a, &p, err);

    if (st == FTC_OK)
        ftc_number(out, p->checked);
    ftc_price_list_unref(list);
    return st;
}

const ftc_function ftc_fn_gpu_price_date = {
    .name = "GPU_PRICE_DATE",
    .description = L("Date on which a GPU's price at a provider was checked, as a "
                     "date serial: format the cell as a date."),
    .result = FTC_TYPE_NUMBER,
    ARGS(gpu_price_date_args),
    .notes = L("#N/A for an unknown GPU or provider."),
    EXAMPLES(gpu_price_date_examples),
    .eval = eval_gpu_price_date,
    .dated_by = "GPU_PRICE_DATE",
};

/* --- GPU_SPEC ----------------------------------------------------------------- */

enum { SPEC_GPU, SPEC_FIELD, SPEC_N };

static const ftc_arg_info gpu_spec_args[] = {
    [SPEC_GPU] = ARG_GPU,
    [SPEC_FIELD] = {.name = L("Field"),
                    .description = L("Which figure of the datasheet: memory in GB, "
                                     "dense BF16 peak in TFLOPS, board power in watts"),
                    REQUIRED_CHOICE(ftc_gpu_field_names)},
};
FTC_ARGS_MATCH(gpu_spec_args, SPEC_N);

static const ftc_example gpu_spec_examples[] = {
    NUMBER_EXAMPLE("\"H100\"; \"memory_gb\"", 80),
    NUMBER_EXAMPLE("\"H100\"; \"BF16_TFLOPS\"", 989.5),
    NUMBER_EXAMPLE("\"L4\"; \"watts\"", 72),
    ERROR_EXAMPLE("\"T4\"; \"bf16_tflops\"", FTC_ERR_NO_ANSWER),
    ERROR_EXAMPLE("\"no-such-gpu\"; \"watts\"", FTC_ERR_NO_ANSWER),
    ERROR_EXAMPLE("\"H100\"; \"colour\"", FTC_ERR_INVALID),
};

static ftc_status eval_gpu_spec(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    int field = (int)a[SPEC_FIELD].number;
    ftc_price_list *list = ftc_prices_get();
    const ftc_gpu_spec *s = NULL;
    ftc_status st = need_name("GPU_SPEC", "Gpu", SPEC_GPU, a[SPEC_GPU].text, err);

    if (st == FTC_OK && (s = ftc_price_list_find_gpu(list, a[SPEC_GPU].text)) == NULL)
        st = ftc_fail(err, FTC_ERR_NO_ANSWER, SPEC_GPU,
                      "GPU_SPEC: no datasheet for the GPU \"%.40s\" (see `ftcost gpus`)",
                      a[SPEC_GPU].text);
    if (st == FTC_OK && isnan(s->spec[field]))
        st = ftc_fail(err, FTC_ERR_NO_ANSWER, SPEC_FIELD, "GPU_SPEC: %s has no %s", s->gpu,
                      ftc_gpu_field_names[field]);
    if (st == FTC_OK)
        ftc_number(out, s->spec[field]);
    ftc_price_list_unref(list);
    return st;
}

const ftc_function ftc_fn_gpu_spec = {
    .name = "GPU_SPEC",
    .description = L("A figure from a GPU's datasheet: \"memory_gb\", "
                     "\"bf16_tflops\" (dense peak) or \"watts\" (board power)."),
    .result = FTC_TYPE_NUMBER,
    ARGS(gpu_spec_args),
    .notes = L("#N/A for an unknown GPU or a figure its datasheet does not give "
               "(T4: no BF16). Feeds FT_GPU_HOURS, FT_GPUS_NEEDED and FT_ENERGY_KWH."),
    EXAMPLES(gpu_spec_examples),
    .eval = eval_gpu_spec,
};
