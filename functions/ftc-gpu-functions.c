/* ftc-gpu-functions.c: GPU_PRICE, GPU_PRICE_DATE and GPU_SPEC, the
 * functions on the GPU catalogue in force (ftc_prices_get()). */
#include "ftcost-private.h"

#include <math.h>

#define ARG_GPU                                                                                \
    {                                                                                          \
        .name = L("Gpu", "GPU", "GPU"),                                                        \
        .description = L("GPU name as in the GPU catalogue shipped with ftcost, e.g. "         \
                         "\"H100\", \"A100-80GB\", \"L4\"; case does not matter; a GPU "       \
                         "not in the catalogue gives #N/A",                                    \
                         "GPU-Name wie im GPU-Katalog von ftcost, z. B. \"H100\", "            \
                         "\"A100-80GB\", \"L4\"; Groß- und Kleinschreibung egal; eine "       \
                         "GPU, die der Katalog nicht kennt, gibt #NV",                         \
                         "Nom du GPU tel que dans le catalogue de GPU fourni avec ftcost, "    \
                         "p. ex. \"H100\", \"A100-80GB\", \"L4\" ; la casse est "              \
                         "indifférente ; un GPU absent du catalogue donne #N/A"),              \
        REQUIRED_TEXT                                                                          \
    }

#define ARG_PROVIDER                                                                           \
    {                                                                                          \
        .name = L("Provider", "Anbieter", "Fournisseur"),                                      \
        .description = L("Cloud: \"aws\", \"gcp\", \"azure\", \"lambda\", "                    \
                         "\"runpod\", ...",                                                    \
                         "Cloud: \"aws\", \"gcp\", \"azure\", \"lambda\", "                    \
                         "\"runpod\", ...",                                                    \
                         "Cloud : \"aws\", \"gcp\", \"azure\", \"lambda\", "                   \
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
    [PRICE_KIND] = {.name = L("Kind", "Art", "Type"),
                    .description = L("Which price: on demand, spot, or reserved for one "
                                     "or three years",
                                     "Welcher Preis: auf Abruf, Spot, oder für ein oder "
                                     "drei Jahre reserviert",
                                     "Quel prix : à la demande, spot, ou réservé pour un "
                                     "ou trois ans"),
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
                     "catalogue shipped with ftcost or your own price file.",
                     "Preis einer GPU-Stunde bei einem Cloud-Anbieter, aus dem "
                     "datierten GPU-Katalog von ftcost oder Ihrer eigenen Preisdatei.",
                     "Prix d'une heure de GPU chez un fournisseur de cloud, tiré du "
                     "catalogue de GPU daté fourni avec ftcost ou de votre propre "
                     "fichier de prix."),
    .result = FTC_TYPE_NUMBER,
    ARGS(gpu_price_args),
    .notes = L("USD list prices: an instance's price divided by its GPUs, as of "
               "GPU_PRICE_DATE. #N/A for an unknown GPU or provider, or a kind of "
               "price that provider has none of. Your own prices go in a \"gpus\" "
               "list of ~/.config/ftcost/prices.json or of FTCOST_PRICES.",
               "Listenpreise in USD: Preis einer Instanz geteilt durch ihre GPUs, "
               "zum Stand von GPU_PRICE_DATE. #N/A bei unbekannter GPU oder "
               "unbekanntem Anbieter oder einer Preisart, die der Anbieter nicht "
               "hat. Eigene Preise in einer \"gpus\"-Liste von "
               "~/.config/ftcost/prices.json oder FTCOST_PRICES.",
               "Prix catalogue en USD : prix d'une instance divisé par ses GPU, à la "
               "date de GPU_PRICE_DATE. #N/A pour un GPU ou un fournisseur inconnu, "
               "ou un type de prix que ce fournisseur n'a pas. Vos propres prix vont "
               "dans une liste \"gpus\" de ~/.config/ftcost/prices.json ou de "
               "FTCOST_PRICES."),
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
                     "date serial: format the cell as a date.",
                     "Datum, an dem der Preis einer GPU bei einem Anbieter geprüft "
                     "wurde, als Datumszahl: Zelle als Datum formatieren.",
                     "Date à laquelle le prix d'un GPU chez un fournisseur a été "
                     "vérifié, en numéro de série de date : formatez la cellule en "
                     "date."),
    .result = FTC_TYPE_NUMBER,
    ARGS(gpu_price_date_args),
    .notes = L("#N/A for an unknown GPU or provider.",
               "#N/A bei unbekannter GPU oder unbekanntem Anbieter.",
               "#N/A pour un GPU ou un fournisseur inconnu."),
    EXAMPLES(gpu_price_date_examples),
    .eval = eval_gpu_price_date,
    .dated_by = "GPU_PRICE_DATE",
};

/* --- GPU_SPEC ----------------------------------------------------------------- */

enum { SPEC_GPU, SPEC_FIELD, SPEC_N };

static const ftc_arg_info gpu_spec_args[] = {
    [SPEC_GPU] = ARG_GPU,
    [SPEC_FIELD] = {.name = L("Field", "Feld", "Champ"),
                    .description = L("Which figure of the datasheet: memory in GB, "
                                     "dense BF16 peak in TFLOPS, board power in watts",
                                     "Welche Angabe des Datenblatts: Speicher in GB, "
                                     "dichte BF16-Spitze in TFLOPS, Boardleistung in "
                                     "Watt",
                                     "Quelle valeur de la fiche technique : mémoire en "
                                     "Go, crête BF16 dense en TFLOPS, puissance de la "
                                     "carte en watts"),
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
                     "\"bf16_tflops\" (dense peak) or \"watts\" (board power).",
                     "Eine Angabe aus dem Datenblatt einer GPU: \"memory_gb\", "
                     "\"bf16_tflops\" (dichte Spitze) oder \"watts\" "
                     "(Boardleistung).",
                     "Une valeur de la fiche technique d'un GPU : \"memory_gb\", "
                     "\"bf16_tflops\" (crête dense) ou \"watts\" (puissance de la "
                     "carte)."),
    .result = FTC_TYPE_NUMBER,
    ARGS(gpu_spec_args),
    .notes = L("#N/A for an unknown GPU or a figure its datasheet does not give "
               "(T4: no BF16). Feeds FT_GPU_HOURS, FT_GPUS_NEEDED and FT_ENERGY_KWH.",
               "#N/A bei unbekannter GPU oder einer Angabe, die ihr Datenblatt nicht "
               "nennt (T4: kein BF16). Speist FT_GPU_HOURS, FT_GPUS_NEEDED und "
               "FT_ENERGY_KWH.",
               "#N/A pour un GPU inconnu ou une valeur que sa fiche technique ne "
               "donne pas (T4 : pas de BF16). Alimente FT_GPU_HOURS, FT_GPUS_NEEDED "
               "et FT_ENERGY_KWH."),
    EXAMPLES(gpu_spec_examples),
    .eval = eval_gpu_spec,
};
