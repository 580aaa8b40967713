/* ftc-api-price.c: API_PRICE and API_PRICE_DATE, the functions on the model
 * prices in force (ftc_prices_get(): ftc-price-list.c). */
#include "ftcost-private.h"

#include <limits.h>
#include <math.h>

#define ARG_MODEL                                                                              \
    {                                                                                          \
        .name = L("Model", "Modell", "Modèle"),                                                \
        .description = L("Model name as the provider writes it (\"gpt-4o\"), or "              \
                         "provider/model (\"openai/gpt-4o\"); case does not matter",           \
                         "Modellname wie beim Anbieter (\"gpt-4o\") oder "                     \
                         "Anbieter/Modell (\"openai/gpt-4o\"); Groß- und "                    \
                         "Kleinschreibung egal",                                               \
                         "Nom du modèle tel que l'écrit le fournisseur "                     \
                         "(\"gpt-4o\"), ou fournisseur/modèle "                               \
                         "(\"openai/gpt-4o\") ; la casse est indifférente"),                   \
        REQUIRED(FTC_UNIT_TEXT, FTC_DOMAIN_TEXT)                                               \
    }

enum { PRICE_MODEL, PRICE_KIND, PRICE_AS_OF, PRICE_N };

static ftc_status find_model(const ftc_price_list *list, const char *fn, const char *model,
                             const ftc_price_entry **out, ftc_error *err)
{
    if (model == NULL || *model == '\0')
        return ftc_fail(err, FTC_ERR_INVALID, 0, "%s: Model must name a model, e.g. \"gpt-4o\"",
                        fn);
    *out = ftc_price_list_find(list, model);
    if (*out == NULL)
        return ftc_fail(err, FTC_ERR_NO_ANSWER, 0,
                        "%s: no price for the model \"%.80s\" (see `ftcost prices`)", fn,
                        model);
    return FTC_OK;
}

static ftc_status eval_api_price(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    ftc_price_kind kind;
    const ftc_price_entry *e;
    ftc_price_list *list;
    ftc_status st;

    double as_of = a[PRICE_AS_OF].number; /* NAN: left out, today */
    const double *prices = NULL;

    if (!ftc_price_kind_parse(a[PRICE_KIND].text, &kind))
        return ftc_fail(err, FTC_ERR_INVALID, PRICE_KIND,
                        "API_PRICE: Kind must be one of input, output, cached_input, "
                        "batch_input, batch_output, ft_input, ft_output, ft_training, "
                        "cache_write (got \"%.40s\")",
                        a[PRICE_KIND].text);
    list = ftc_prices_get();
    st = find_model(list, "API_PRICE", a[PRICE_MODEL].text, &e, err);
    if (st == FTC_OK) {
        /* a date-time serial counts for its day; far futures for today */
        prices = isnan(as_of)
                     ? e->price
                     : ftc_price_entry_on(e, as_of >= INT_MAX ? INT_MAX : (int)floor(as_of));
        if (prices == NULL) {
            char first[FTC_DATE_TEXT_MAX];

            ftc_date_format(ftc_price_entry_first_day(e), first);
            st = ftc_fail(err, FTC_ERR_NO_ANSWER, PRICE_AS_OF,
                          "API_PRICE: no price of %s/%s known before %s", e->provider, e->model,
                          first);
        }
    }
    if (st == FTC_OK && isnan(prices[kind]))
        st = ftc_fail(err, FTC_ERR_NO_ANSWER, PRICE_KIND, "API_PRICE: %s/%s has no %s price%s",
                      e->provider, e->model, ftc_price_kind_name(kind),
                      prices == e->price ? "" : " on that day");
    if (st == FTC_OK)
        ftc_number(out, prices[kind]);
    ftc_price_list_unref(list);
    return st;
}

static const ftc_arg_info api_price_args[] = {
    [PRICE_MODEL] = ARG_MODEL,
    [PRICE_KIND] = {.name = L("Kind", "Art", "Type"),
                    .description =
                        L("Which price: \"input\", \"output\", \"cached_input\", "
                          "\"cache_write\", \"batch_input\", \"batch_output\", or for a model "
                          "fine-tuned at the provider \"ft_input\", \"ft_output\", "
                          "\"ft_training\" (training, per million training tokens)",
                          "Welcher Preis: \"input\" (Eingabe), \"output\" (Ausgabe), "
                          "\"cached_input\" (Eingabe aus dem Cache), \"cache_write\" "
                          "(Schreiben in den Cache), \"batch_input\", "
                          "\"batch_output\" (Batch-API), oder für ein beim Anbieter "
                          "feinabgestimmtes Modell \"ft_input\", \"ft_output\", "
                          "\"ft_training\" (Training, pro Million Trainings-Tokens)",
                          "Quel prix : \"input\" (entrée), \"output\" (sortie), "
                          "\"cached_input\" (entrée en cache), \"cache_write\" (écriture "
                          "dans le cache), \"batch_input\", "
                          "\"batch_output\" (API par lots), ou pour un modèle affiné chez "
                          "le fournisseur \"ft_input\", \"ft_output\", \"ft_training\" "
                          "(entraînement, par million de jetons d'entraînement)"),
                    .unit = FTC_UNIT_TEXT,
                    .domain = FTC_DOMAIN_TEXT,
                    .optional = true,
                    .default_arg = FTC_NO_ARG,
                    .default_text = "input"},
    [PRICE_AS_OF] = {.name = L("AsOf", "Stichtag", "ÀLaDate"),
                     .description = L(
                         "The day whose price is wanted, to re-check a budget against what "
                         "was charged then; left out: today's price",
                         "Der Tag, dessen Preis gesucht ist, um ein Budget gegen den damals "
                         "berechneten Preis zu prüfen; weggelassen: der heutige Preis",
                         "Le jour dont on veut le prix, pour revérifier un budget avec ce qui "
                         "était facturé alors ; omis : le prix d'aujourd'hui"),
                     OPTIONAL(FTC_UNIT_DATE, FTC_DOMAIN_NON_NEGATIVE, NAN)},
};
FTC_ARGS_MATCH(api_price_args, PRICE_N);

/* The shipped catalogue (functions/prices.json); change these with it. */
static const ftc_example api_price_examples[] = {
    NUMBER_EXAMPLE("\"gpt-4o\"", 2.5),
    NUMBER_EXAMPLE("\"gpt-4o\"; \"output\"", 10),
    NUMBER_EXAMPLE("\"OpenAI/GPT-4o\"; \"cached_input\"", 1.25),
    NUMBER_EXAMPLE("\"Claude-Sonnet-4-6\"; \"batch_output\"", 7.5),
    NUMBER_EXAMPLE("\"gemini-2.5-pro\"; \"cached_input\"", 0.125),
    NUMBER_EXAMPLE("\"claude-sonnet-4-6\"; \"cache_write\"", 3.75),
    /* o3 at a date: cut from 10/40 to 2/8 on 2025-06-10 (45818) */
    NUMBER_EXAMPLE("\"o3\"; \"output\"; 45778", 40),              /* 2025-05-01 */
    NUMBER_EXAMPLE("\"o3\"; \"output\"; 45818", 8),               /* 2025-06-10 */
    NUMBER_EXAMPLE("\"o3\"; \"input\"; 45817.75", 10),            /* 2025-06-09 18:00 */
    ERROR_EXAMPLE("\"o3\"; \"input\"; 45748", FTC_ERR_NO_ANSWER), /* before launch */
    /* gpt-4o before its alias moved to the 2024-08-06 snapshot on 2024-10-02 */
    NUMBER_EXAMPLE("\"gpt-4o\"; \"input\"; 45444", 5), /* 2024-06-01 */
    /* no "since" in the catalogue: the price is known from the day checked */
    ERROR_EXAMPLE("\"claude-opus-4-1\"; \"input\"; 46000", FTC_ERR_NO_ANSWER),
    ERROR_EXAMPLE("\"no-such-model\"", FTC_ERR_NO_ANSWER),
    ERROR_EXAMPLE("\"mistral-medium-3-5\"; \"cached_input\"", FTC_ERR_NO_ANSWER),
    ERROR_EXAMPLE("\"gpt-4o\"; \"dinner\"", FTC_ERR_INVALID),
    ERROR_EXAMPLE("\"gpt-4o\"; \"input\"; -1", FTC_ERR_INVALID),
};

const ftc_function ftc_fn_api_price = {
    .name = "API_PRICE",
    .description = L("Price in US dollars per million tokens of a hosted model, from the "
                     "dated price catalogue shipped with ftcost or your own price file.",
                     "Preis in US-Dollar pro Million Tokens eines gehosteten Modells, aus "
                     "dem datierten Preiskatalog von ftcost oder Ihrer eigenen "
                     "Preisdatei.",
                     "Prix en dollars américains par million de jetons d'un modèle "
                     "hébergé, tiré du catalogue de prix daté fourni avec ftcost ou de "
                     "votre propre fichier de prix."),
    .result = FTC_TYPE_NUMBER,
    ARGS(api_price_args),
    .notes = L("#N/A for an unknown model or a kind of price the model does not "
               "have, or a day before its first known price (a model whose entry does "
               "not say since when its price holds: before API_PRICE_DATE); Err:502 "
               "for an unknown Kind. Prices are list prices in USD "
               "as of API_PRICE_DATE: check them at the provider before a budget "
               "is signed. Your own prices go in ~/.config/ftcost/prices.json or "
               "the file named by FTCOST_PRICES (ftcost's format or LiteLLM's).",
               "#N/A bei unbekanntem Modell oder einer Preisart, die das Modell "
               "nicht hat, oder für einen Tag vor dem ersten bekannten Preis (sagt "
               "der Katalog nicht, seit wann ein Preis gilt: vor API_PRICE_DATE); "
               "Err:502 bei unbekannter Art. Listenpreise in USD zum "
               "Stand von API_PRICE_DATE: vor der Freigabe eines Budgets beim "
               "Anbieter prüfen. Eigene Preise in ~/.config/ftcost/prices.json "
               "oder der Datei aus FTCOST_PRICES (Format von ftcost oder "
               "LiteLLM).",
               "#N/A pour un modèle inconnu ou un type de prix que le modèle n'a "
               "pas, ou un jour antérieur au premier prix connu (si le catalogue ne "
               "dit pas depuis quand un prix vaut : avant API_PRICE_DATE) ; "
               "Err:502 pour un Type inconnu. Prix catalogue en USD à la "
               "date d'API_PRICE_DATE : à vérifier chez le fournisseur avant de "
               "signer un budget. Vos propres prix vont dans "
               "~/.config/ftcost/prices.json ou le fichier désigné par "
               "FTCOST_PRICES (format de ftcost ou de LiteLLM)."),
    EXAMPLES(api_price_examples),
    .eval = eval_api_price,
    .dated_by = "API_PRICE_DATE",
};

static ftc_status eval_api_price_date(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    const ftc_price_entry *e;
    ftc_price_list *list = ftc_prices_get();
    ftc_status st = find_model(list, "API_PRICE_DATE", a[PRICE_MODEL].text, &e, err);

    if (st == FTC_OK && e->checked < 0)
        st = ftc_fail(err, FTC_ERR_NO_ANSWER, 0, "API_PRICE_DATE: %s/%s has no date",
                      e->provider, e->model);
    if (st == FTC_OK)
        ftc_number(out, e->checked);
    ftc_price_list_unref(list);
    return st;
}

static const ftc_arg_info api_price_date_args[] = {
    [PRICE_MODEL] = ARG_MODEL,
};

static const ftc_example api_price_date_examples[] = {
    NUMBER_EXAMPLE("\"gpt-4o\"", 46355), /* 2026-11-29 */
    ERROR_EXAMPLE("\"no-such-model\"", FTC_ERR_NO_ANSWER),
};

const ftc_function ftc_fn_api_price_date = {
    .name = "API_PRICE_DATE",
    .description = L("Date on which the price of a model in the catalogue was "
                     "checked, as a date serial: format the cell as a date and "
                     "flag prices older than six months.",
                     "Datum, an dem der Preis eines Modells im Katalog geprüft "
                     "wurde, als Datumszahl: Zelle als Datum formatieren und "
                     "Preise älter als sechs Monate markieren.",
                     "Date à laquelle le prix d'un modèle du catalogue a été "
                     "vérifié, en numéro de série de date : formatez la cellule en "
                     "date et signalez les prix de plus de six mois."),
    .result = FTC_TYPE_NUMBER,
    ARGS(api_price_date_args),
    .notes = L("#N/A for an unknown model. Days since 1899-12-30, Calc's default "
               "date system; entries from a LiteLLM file are dated by the "
               "file's modification time.",
               "#N/A bei unbekanntem Modell. Tage seit dem 30.12.1899, dem "
               "Standard-Datumssystem von Calc; Einträge aus einer LiteLLM-Datei "
               "tragen das Änderungsdatum der Datei.",
               "#N/A pour un modèle inconnu. Jours depuis le 30/12/1899, le "
               "système de dates par défaut de Calc ; les entrées d'un fichier "
               "LiteLLM sont datées de la modification du fichier."),
    EXAMPLES(api_price_date_examples),
    .eval = eval_api_price_date,
};
