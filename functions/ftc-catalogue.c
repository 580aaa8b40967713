/* ftc-catalogue.c: the function catalogue, the single source of truth.
 *
 * Every function the add-in offers, the command runs and the reference
 * documents is one entry below: name, help in English, German and French,
 * arguments with unit, accepted values and default, worked examples, and
 * the kernel.  Nothing else lists the functions.  The contract these follow
 * is shared/spec/FUNCTIONS.md; examples are the spec's worked examples.
 */
#include "ftcost-private.h"

#include <glib.h>

/* --- arguments shared by several functions --------------------------------- */

#define ARG_GPU_HOURLY_RATE                                                      \
    {.name = L("GpuHourlyRate", "GPUStundenpreis", "TarifHoraireGPU"),           \
     .description = L("Price of one GPU hour", "Preis einer GPU-Stunde",         \
                      "Prix d'une heure de GPU"),                                \
     REQUIRED(FTC_UNIT_MONEY_PER_HOUR, FTC_DOMAIN_NON_NEGATIVE)}

#define ARG_OVERHEAD                                                             \
    {.name = L("Overhead", "Aufschlag", "Surcoût"),                              \
     .description = L("Infrastructure management overhead on top, typically "    \
                      "0.15 to 0.30",                                            \
                      "Aufschlag für Infrastrukturverwaltung, typisch 0,15 "     \
                      "bis 0,30",                                                \
                      "Surcoût de gestion de l'infrastructure, typiquement "     \
                      "0,15 à 0,30"),                                            \
     OPTIONAL(FTC_UNIT_FRACTION, FTC_DOMAIN_FRACTION, 0)}

#define ARG_INPUT_PRICE                                                          \
    {.name = L("InputPrice", "EingabePreis", "PrixEntrée"),                      \
     .description = L("Price of input tokens", "Preis der Eingabe-Tokens",       \
                      "Prix des jetons d'entrée"),                               \
     REQUIRED(FTC_UNIT_MONEY_PER_MTOK, FTC_DOMAIN_NON_NEGATIVE)}

#define ARG_OUTPUT_PRICE                                                         \
    {.name = L("OutputPrice", "AusgabePreis", "PrixSortie"),                     \
     .description = L("Price of output tokens", "Preis der Ausgabe-Tokens",      \
                      "Prix des jetons de sortie"),                              \
     REQUIRED(FTC_UNIT_MONEY_PER_MTOK, FTC_DOMAIN_NON_NEGATIVE)}

#define ARG_FT_UPFRONT                                                           \
    {.name = L("FtUpfront", "FTEinmalig", "AffinageInitial"),                    \
     .description = L("Upfront cost of the fine-tuning path (training, data "    \
                      "preparation)",                                            \
                      "Einmalkosten des Fine-Tuning-Wegs (Training, "            \
                      "Datenaufbereitung)",                                      \
                      "Coût initial de la voie de l'affinage (entraînement, "    \
                      "préparation des données)"),                               \
     REQUIRED(FTC_UNIT_MONEY, FTC_DOMAIN_NON_NEGATIVE)}

#define ARG_FT_MONTHLY                                                           \
    {.name = L("FtMonthly", "FTMonatlich", "AffinageMensuel"),                   \
     .description = L("Running cost of the fine-tuned model",                    \
                      "Laufende Kosten des feinabgestimmten Modells",            \
                      "Coût d'exploitation du modèle affiné"),                   \
     REQUIRED(FTC_UNIT_MONEY_PER_MONTH, FTC_DOMAIN_NON_NEGATIVE)}

#define ARG_API_MONTHLY                                                          \
    {.name = L("ApiMonthly", "APIMonatlich", "APIMensuel"),                      \
     .description = L("API bill in the first month",                             \
                      "API-Rechnung im ersten Monat",                            \
                      "Facture de l'API le premier mois"),                       \
     REQUIRED(FTC_UNIT_MONEY_PER_MONTH, FTC_DOMAIN_NON_NEGATIVE)}

#define ARG_API_GROWTH                                                           \
    {.name = L("ApiGrowth", "APIWachstum", "CroissanceAPI"),                     \
     .description = L("Growth of the API bill each month",                       \
                      "Monatliches Wachstum der API-Rechnung",                   \
                      "Croissance mensuelle de la facture de l'API"),            \
     OPTIONAL(FTC_UNIT_FRACTION_PER_MONTH, FTC_DOMAIN_ABOVE_MINUS_1, 0)}

/* FT_TCO, FT_TCO_ITEMS and FT_HIDDEN_SHARE take the same arguments. */
static const ftc_arg_info tco_args[] = {
    {.name = L("Training", "Training", "Entraînement"),
     .description = L("Cost of the initial training run",
                      "Kosten des ersten Trainingslaufs",
                      "Coût de l'entraînement initial"),
     REQUIRED(FTC_UNIT_MONEY, FTC_DOMAIN_NON_NEGATIVE)},
    {.name = L("MonthlyServing", "BetriebProMonat", "ServiceMensuel"),
     .description = L("Serving cost: GPUs, autoscaling, on-call",
                      "Bereitstellungskosten: GPUs, Autoscaling, Rufbereitschaft",
                      "Coût de mise en service : GPU, mise à l'échelle "
                      "automatique, astreinte"),
     REQUIRED(FTC_UNIT_MONEY_PER_MONTH, FTC_DOMAIN_NON_NEGATIVE)},
    {.name = L("MonthlyEngHours", "IngStundenProMonat", "HeuresIngMensuelles"),
     .description = L("Engineering hours for evaluations, retraining and debugging",
                      "Ingenieurstunden für Evaluierung, Nachtraining und "
                      "Fehlersuche",
                      "Heures d'ingénierie pour les évaluations, les "
                      "réentraînements et le débogage"),
     REQUIRED(FTC_UNIT_HOURS_PER_MONTH, FTC_DOMAIN_NON_NEGATIVE)},
    {.name = L("RetrainsPerYear", "NachtrainingsProJahr", "RéentraînementsParAn"),
     .description = L("Retraining runs, each costing as much as the initial "
                      "training",
                      "Nachtrainings, jedes so teuer wie das erste Training",
                      "Réentraînements, chacun aussi coûteux que "
                      "l'entraînement initial"),
     REQUIRED(FTC_UNIT_PER_YEAR, FTC_DOMAIN_NON_NEGATIVE)},
    {.name = L("LifecycleMonths", "LebenszyklusMonate", "CycleDeVieMois"),
     .description = L("Time until the base model is deprecated and the "
                      "fine-tune must be rebuilt",
                      "Zeit bis zur Abkündigung des Basismodells, nach der das "
                      "Fine-Tuning neu aufgebaut werden muss",
                      "Délai avant le retrait du modèle de base, qui oblige à "
                      "refaire l'affinage"),
     REQUIRED(FTC_UNIT_MONTHS, FTC_DOMAIN_POSITIVE)},
    {.name = L("HourlyRate", "Stundensatz", "TauxHoraire"),
     .description = L("Loaded cost of one engineering hour",
                      "Vollkosten einer Ingenieurstunde",
                      "Coût complet d'une heure d'ingénierie"),
     OPTIONAL(FTC_UNIT_MONEY_PER_HOUR, FTC_DOMAIN_NON_NEGATIVE, 150)},
    {.name = L("Horizon", "Horizont", "Horizon"),
     .description = L("Planning horizon", "Planungshorizont",
                      "Horizon de planification"),
     OPTIONAL(FTC_UNIT_MONTHS, FTC_DOMAIN_POSITIVE, 24)},
};

static const ftc_arg_info training_cost_args[] = {
    ARG_GPU_HOURLY_RATE,
    {.name = L("GpuHoursPerRun", "GPUStundenProLauf", "HeuresGPUParExécution"),
     .description = L("Time one run takes on each GPU",
                      "Laufzeit eines Trainingslaufs je GPU",
                      "Durée d'une exécution sur chaque GPU"),
     REQUIRED(FTC_UNIT_HOURS, FTC_DOMAIN_NON_NEGATIVE)},
    {.name = L("Gpus", "GPUs", "GPU"),
     .description = L("GPUs each run uses in parallel",
                      "Parallel genutzte GPUs je Lauf",
                      "GPU utilisés en parallèle par exécution"),
     OPTIONAL(FTC_UNIT_COUNT, FTC_DOMAIN_NON_NEGATIVE, 1)},
    {.name = L("Runs", "Läufe", "Exécutions"),
     .description = L("Runs in all, counting hyper-parameter experiments and "
                      "validation runs",
                      "Alle Läufe, einschließlich Hyperparameter-Experimenten und "
                      "Validierungsläufen",
                      "Toutes les exécutions, y compris les essais "
                      "d'hyperparamètres et les validations"),
     OPTIONAL(FTC_UNIT_COUNT, FTC_DOMAIN_NON_NEGATIVE, 1)},
    ARG_OVERHEAD,
};

static const ftc_arg_info training_tokens_cost_args[] = {
    {.name = L("TrainingTokens", "TrainingsTokens", "JetonsEntraînement"),
     .description = L("Tokens in the training data set",
                      "Tokens im Trainingsdatensatz",
                      "Jetons du jeu de données d'entraînement"),
     REQUIRED(FTC_UNIT_TOKENS, FTC_DOMAIN_NON_NEGATIVE)},
    {.name = L("Epochs", "Epochen", "Époques"),
     .description = L("Passes over the training data",
                      "Durchläufe über die Trainingsdaten",
                      "Passages sur les données d'entraînement"),
     REQUIRED(FTC_UNIT_COUNT, FTC_DOMAIN_NON_NEGATIVE)},
    {.name = L("PricePerMTok", "PreisProMTok", "PrixParMJetons"),
     .description = L("Training price the service charges",
                      "Trainingspreis des Dienstes",
                      "Prix d'entraînement facturé par le service"),
     REQUIRED(FTC_UNIT_MONEY_PER_MTOK, FTC_DOMAIN_NON_NEGATIVE)},
    {.name = L("Runs", "Läufe", "Exécutions"),
     .description = L("Training jobs in all, counting experiments",
                      "Alle Trainingsjobs, einschließlich Experimenten",
                      "Tous les travaux d'entraînement, essais compris"),
     OPTIONAL(FTC_UNIT_COUNT, FTC_DOMAIN_NON_NEGATIVE, 1)},
};

static const ftc_arg_info serving_cost_args[] = {
    ARG_GPU_HOURLY_RATE,
    {.name = L("Gpus", "GPUs", "GPU"),
     .description = L("GPUs serving the model", "GPUs, die das Modell bereitstellen",
                      "GPU qui servent le modèle"),
     REQUIRED(FTC_UNIT_COUNT, FTC_DOMAIN_NON_NEGATIVE)},
    {.name = L("HoursPerMonth", "StundenProMonat", "HeuresParMois"),
     .description = L("Time each GPU runs in a month (730 = always on)",
                      "Betriebszeit je GPU im Monat (730 = durchgehend)",
                      "Temps de fonctionnement de chaque GPU dans le mois "
                      "(730 = en continu)"),
     OPTIONAL(FTC_UNIT_HOURS_PER_MONTH, FTC_DOMAIN_NON_NEGATIVE, 730)},
    ARG_OVERHEAD,
};

static const ftc_arg_info selfhost_per_mtok_args[] = {
    ARG_GPU_HOURLY_RATE,
    {.name = L("TokensPerSecond", "TokensProSekunde", "JetonsParSeconde"),
     .description = L("Aggregate throughput of the whole deployment",
                      "Gesamtdurchsatz der ganzen Bereitstellung",
                      "Débit total de l'ensemble du déploiement"),
     REQUIRED(FTC_UNIT_TOKENS_PER_SECOND, FTC_DOMAIN_POSITIVE)},
    {.name = L("Utilization", "Auslastung", "Utilisation"),
     .description = L("Share of the time the GPUs do useful work",
                      "Anteil der Zeit, in der die GPUs Nutzlast verarbeiten",
                      "Part du temps où les GPU travaillent utilement"),
     OPTIONAL(FTC_UNIT_FRACTION, FTC_DOMAIN_FRACTION_ABOVE_0, 1)},
    {.name = L("Gpus", "GPUs", "GPU"),
     .description = L("GPUs in the deployment", "GPUs der Bereitstellung",
                      "GPU du déploiement"),
     OPTIONAL(FTC_UNIT_COUNT, FTC_DOMAIN_POSITIVE, 1)},
};

static const ftc_arg_info energy_kwh_args[] = {
    {.name = L("GpuWatts", "GPUWatt", "WattsGPU"),
     .description = L("Average power draw of one GPU",
                      "Durchschnittliche Leistungsaufnahme einer GPU",
                      "Puissance moyenne consommée par un GPU"),
     REQUIRED(FTC_UNIT_WATTS, FTC_DOMAIN_NON_NEGATIVE)},
    {.name = L("Gpus", "GPUs", "GPU"),
     .description = L("GPUs running", "Laufende GPUs", "GPU en fonctionnement"),
     REQUIRED(FTC_UNIT_COUNT, FTC_DOMAIN_NON_NEGATIVE)},
    {.name = L("Hours", "Stunden", "Heures"),
     .description = L("Time they run", "Laufzeit", "Durée de fonctionnement"),
     REQUIRED(FTC_UNIT_HOURS, FTC_DOMAIN_NON_NEGATIVE)},
    {.name = L("PUE", "PUE", "PUE"),
     .description = L("Power usage effectiveness of the data centre "
                      "(facility power / IT power)",
                      "Power Usage Effectiveness des Rechenzentrums "
                      "(Gesamtleistung / IT-Leistung)",
                      "Indicateur d'efficacité énergétique (PUE) du centre de "
                      "données (puissance totale / puissance informatique)"),
     OPTIONAL(FTC_UNIT_RATIO, FTC_DOMAIN_AT_LEAST_1, 1.2)},
};

static const ftc_arg_info co2_kg_args[] = {
    {.name = L("KWh", "kWh", "kWh"),
     .description = L("Energy used", "Verbrauchte Energie", "Énergie consommée"),
     REQUIRED(FTC_UNIT_KWH, FTC_DOMAIN_NON_NEGATIVE)},
    {.name = L("GridGramsPerKWh", "NetzGrammProKWh", "GrammesParKWhRéseau"),
     .description = L("Carbon intensity of the electricity grid",
                      "CO2-Intensität des Stromnetzes",
                      "Intensité carbone du réseau électrique"),
     REQUIRED(FTC_UNIT_GRAMS_PER_KWH, FTC_DOMAIN_NON_NEGATIVE)},
};

enum { API_COST_INPUT_PRICE = 2 };

static const ftc_arg_info api_cost_args[] = {
    {.name = L("InputTokens", "EingabeTokens", "JetonsEntrée"),
     .description = L("Input (prompt) tokens", "Eingabe-Tokens (Prompt)",
                      "Jetons d'entrée (prompt)"),
     REQUIRED(FTC_UNIT_TOKENS, FTC_DOMAIN_NON_NEGATIVE)},
    {.name = L("OutputTokens", "AusgabeTokens", "JetonsSortie"),
     .description = L("Output (completion) tokens", "Ausgabe-Tokens (Antwort)",
                      "Jetons de sortie (réponse)"),
     REQUIRED(FTC_UNIT_TOKENS, FTC_DOMAIN_NON_NEGATIVE)},
    [API_COST_INPUT_PRICE] = ARG_INPUT_PRICE,
    ARG_OUTPUT_PRICE,
    {.name = L("CachedTokens", "CacheTokens", "JetonsEnCache"),
     .description = L("The part of InputTokens read from the prompt cache",
                      "Teil der EingabeTokens aus dem Prompt-Cache",
                      "Part des JetonsEntrée lue depuis le cache de prompt"),
     OPTIONAL(FTC_UNIT_TOKENS, FTC_DOMAIN_NON_NEGATIVE, 0)},
    {.name = L("CachedPrice", "CachePreis", "PrixCache"),
     .description = L("Price of cached input tokens", "Preis der Cache-Tokens",
                      "Prix des jetons en cache"),
     .unit = FTC_UNIT_MONEY_PER_MTOK, .domain = FTC_DOMAIN_NON_NEGATIVE,
     .optional = true, .default_arg = API_COST_INPUT_PRICE},
    {.name = L("Discount", "Rabatt", "Remise"),
     .description = L("Discount on the whole bill (0.5 for a batch API)",
                      "Rabatt auf die ganze Rechnung (0,5 für eine Batch-API)",
                      "Remise sur toute la facture (0,5 pour une API par lots)"),
     OPTIONAL(FTC_UNIT_FRACTION, FTC_DOMAIN_FRACTION, 0)},
};

static const ftc_arg_info api_tco_args[] = {
    {.name = L("MonthlyInputTokens", "EingabeTokensProMonat", "JetonsEntréeParMois"),
     .description = L("Input tokens in the first month",
                      "Eingabe-Tokens im ersten Monat",
                      "Jetons d'entrée du premier mois"),
     REQUIRED(FTC_UNIT_TOKENS_PER_MONTH, FTC_DOMAIN_NON_NEGATIVE)},
    {.name = L("MonthlyOutputTokens", "AusgabeTokensProMonat", "JetonsSortieParMois"),
     .description = L("Output tokens in the first month",
                      "Ausgabe-Tokens im ersten Monat",
                      "Jetons de sortie du premier mois"),
     REQUIRED(FTC_UNIT_TOKENS_PER_MONTH, FTC_DOMAIN_NON_NEGATIVE)},
    ARG_INPUT_PRICE,
    ARG_OUTPUT_PRICE,
    {.name = L("MonthlyGrowth", "WachstumProMonat", "CroissanceMensuelle"),
     .description = L("Growth of the token volume each month",
                      "Monatliches Wachstum des Token-Volumens",
                      "Croissance mensuelle du volume de jetons"),
     OPTIONAL(FTC_UNIT_FRACTION_PER_MONTH, FTC_DOMAIN_ABOVE_MINUS_1, 0)},
    {.name = L("Horizon", "Horizont", "Horizon"),
     .description = L("Planning horizon", "Planungshorizont",
                      "Horizon de planification"),
     OPTIONAL(FTC_UNIT_MONTHS, FTC_DOMAIN_WHOLE_MONTHS, 24)},
    {.name = L("MonthlyPromptEng", "PromptEngineeringProMonat",
               "IngénieriePromptMensuelle"),
     .description = L("Prompt-engineering labour", "Aufwand für Prompt-Engineering",
                      "Travail d'ingénierie de prompt"),
     OPTIONAL(FTC_UNIT_MONEY_PER_MONTH, FTC_DOMAIN_NON_NEGATIVE, 0)},
    {.name = L("MonthlyPriceChange", "PreisänderungProMonat", "VariationPrixMensuelle"),
     .description = L("Change of the token prices each month; negative when "
                      "providers cut prices",
                      "Monatliche Änderung der Token-Preise; negativ bei "
                      "Preissenkungen",
                      "Variation mensuelle du prix des jetons ; négative en cas "
                      "de baisse"),
     OPTIONAL(FTC_UNIT_FRACTION_PER_MONTH, FTC_DOMAIN_ABOVE_MINUS_1, 0)},
};

static const ftc_arg_info breakeven_args[] = {
    ARG_FT_UPFRONT,
    ARG_FT_MONTHLY,
    ARG_API_MONTHLY,
    ARG_API_GROWTH,
    {.name = L("MaxMonths", "MaxMonate", "MoisMax"),
     .description = L("How far to look for the break-even",
                      "Wie weit nach dem Break-even gesucht wird",
                      "Jusqu'où chercher le seuil de rentabilité"),
     OPTIONAL(FTC_UNIT_MONTHS, FTC_DOMAIN_WHOLE_MONTHS, 120)},
};

static const ftc_arg_info breakeven_volume_args[] = {
    {.name = L("FtMonthlyFixed", "FTFixkostenProMonat", "AffinageFixeMensuel"),
     .description = L("Fixed cost of self-hosting the fine-tuned model",
                      "Fixkosten des Eigenbetriebs des feinabgestimmten Modells",
                      "Coût fixe de l'auto-hébergement du modèle affiné"),
     REQUIRED(FTC_UNIT_MONEY_PER_MONTH, FTC_DOMAIN_NON_NEGATIVE)},
    {.name = L("SelfHostPrice", "EigenbetriebPreis", "PrixAutoHébergé"),
     .description = L("Variable cost of self-hosting (see FT_SELFHOST_PER_MTOK)",
                      "Variable Kosten des Eigenbetriebs (siehe "
                      "FT_SELFHOST_PER_MTOK)",
                      "Coût variable de l'auto-hébergement (voir "
                      "FT_SELFHOST_PER_MTOK)"),
     REQUIRED(FTC_UNIT_MONEY_PER_MTOK, FTC_DOMAIN_NON_NEGATIVE)},
    {.name = L("ApiPrice", "APIPreis", "PrixAPI"),
     .description = L("API price, input and output blended",
                      "API-Preis, Mischpreis aus Ein- und Ausgabe",
                      "Prix de l'API, moyenne de l'entrée et de la sortie"),
     REQUIRED(FTC_UNIT_MONEY_PER_MTOK, FTC_DOMAIN_NON_NEGATIVE)},
};

static const ftc_arg_info schedule_args[] = {
    ARG_FT_UPFRONT,
    ARG_FT_MONTHLY,
    ARG_API_MONTHLY,
    ARG_API_GROWTH,
    {.name = L("Months", "Monate", "Mois"),
     .description = L("Months to lay out after month 0",
                      "Monate nach Monat 0", "Mois à détailler après le mois 0"),
     OPTIONAL(FTC_UNIT_MONTHS, FTC_DOMAIN_WHOLE_MONTHS, 24)},
};

static const ftc_arg_info verdict_args[] = {
    {.name = L("FtAccuracy", "FTGenauigkeit", "PrécisionAffinage"),
     .description = L("Accuracy of the fine-tuned model on your evaluation set",
                      "Genauigkeit des feinabgestimmten Modells auf Ihrem "
                      "Evaluierungsdatensatz",
                      "Précision du modèle affiné sur votre jeu d'évaluation"),
     REQUIRED(FTC_UNIT_SCORE, FTC_DOMAIN_NON_NEGATIVE)},
    {.name = L("PromptAccuracy", "PromptGenauigkeit", "PrécisionPrompt"),
     .description = L("Accuracy of the prompted (or RAG) API model on the same "
                      "set, same scale",
                      "Genauigkeit des API-Modells mit Prompting (oder RAG) auf "
                      "demselben Datensatz, gleiche Skala",
                      "Précision du modèle d'API avec prompting (ou RAG) sur le "
                      "même jeu, même échelle"),
     REQUIRED(FTC_UNIT_SCORE, FTC_DOMAIN_NON_NEGATIVE)},
    {.name = L("FtTco", "FTGesamtkosten", "CoûtTotalAffinage"),
     .description = L("Total cost of the fine-tuning path over the horizon "
                      "(e.g. FT_TCO)",
                      "Gesamtkosten des Fine-Tuning-Wegs über den Horizont "
                      "(z. B. FT_TCO)",
                      "Coût total de la voie de l'affinage sur l'horizon "
                      "(p. ex. FT_TCO)"),
     REQUIRED(FTC_UNIT_MONEY, FTC_DOMAIN_NON_NEGATIVE)},
    {.name = L("ApiTco", "APIGesamtkosten", "CoûtTotalAPI"),
     .description = L("Total cost of the API path over the same horizon "
                      "(e.g. API_TCO)",
                      "Gesamtkosten des API-Wegs über denselben Horizont "
                      "(z. B. API_TCO)",
                      "Coût total de la voie API sur le même horizon "
                      "(p. ex. API_TCO)"),
     REQUIRED(FTC_UNIT_MONEY, FTC_DOMAIN_NON_NEGATIVE)},
    {.name = L("Tolerance", "Toleranz", "Tolérance"),
     .description = L("How far below the fine-tuned accuracy prompting may "
                      "stay, relative",
                      "Wie weit Prompting relativ unter der "
                      "Fine-Tuning-Genauigkeit bleiben darf",
                      "Écart relatif admis sous la précision de l'affinage"),
     OPTIONAL(FTC_UNIT_FRACTION, FTC_DOMAIN_FRACTION_BELOW_1, 0.10)},
};

#define ARG_MODEL                                                                \
    {.name = L("Model", "Modell", "Modèle"),                                     \
     .description = L("Model name as the provider writes it (\"gpt-4o\"), or "   \
                      "provider/model (\"openai/gpt-4o\"); case does not matter", \
                      "Modellname wie beim Anbieter (\"gpt-4o\") oder "          \
                      "Anbieter/Modell (\"openai/gpt-4o\"); Groß- und "          \
                      "Kleinschreibung egal",                                    \
                      "Nom du modèle tel que l'écrit le fournisseur "            \
                      "(\"gpt-4o\"), ou fournisseur/modèle "                      \
                      "(\"openai/gpt-4o\") ; la casse est indifférente"),          \
     REQUIRED(FTC_UNIT_TEXT, FTC_DOMAIN_TEXT)}

static const ftc_arg_info api_price_args[] = {
    ARG_MODEL,
    {.name = L("Kind", "Art", "Type"),
     .description = L("Which price: \"input\", \"output\", \"cached_input\", "
                      "\"batch_input\", \"batch_output\", or for a model fine-tuned "
                      "at the provider \"ft_input\", \"ft_output\", \"ft_training\" "
                      "(training, per million training tokens)",
                      "Welcher Preis: \"input\" (Eingabe), \"output\" (Ausgabe), "
                      "\"cached_input\" (Eingabe aus dem Cache), \"batch_input\", "
                      "\"batch_output\" (Batch-API), oder für ein beim Anbieter "
                      "feinabgestimmtes Modell \"ft_input\", \"ft_output\", "
                      "\"ft_training\" (Training, pro Million Trainings-Tokens)",
                      "Quel prix : \"input\" (entrée), \"output\" (sortie), "
                      "\"cached_input\" (entrée en cache), \"batch_input\", "
                      "\"batch_output\" (API par lots), ou pour un modèle affiné chez "
                      "le fournisseur \"ft_input\", \"ft_output\", \"ft_training\" "
                      "(entraînement, par million de jetons d'entraînement)"),
     .unit = FTC_UNIT_TEXT, .domain = FTC_DOMAIN_TEXT, .optional = true,
     .default_arg = FTC_NO_ARG, .default_text = "input"},
};

static const ftc_arg_info api_price_date_args[] = {
    ARG_MODEL,
};

/* --- worked examples (shared/spec/FUNCTIONS.md) ------------------------------ */


static const ftc_example tco_examples[] = {
    NUMBER_EXAMPLE("200; 3000; 320; 1; 18", 1224800),
};
static const double tco_items_cells[] = {200, 72000, 1152000, 400, 200};
static const ftc_example tco_items_examples[] = {
    {.args = "200; 3000; 320; 1; 18", .status = FTC_OK, .rows = 5, .cols = 1,
     .n_cells = G_N_ELEMENTS(tco_items_cells), .cells = tco_items_cells},
};
static const ftc_example hidden_share_examples[] = {
    NUMBER_EXAMPLE("200; 3000; 320; 1; 18", 0.9998367080339647), /* 1 - 200/1224800 */
    ERROR_EXAMPLE("0; 0; 0; 0; 18", FTC_ERR_INVALID),
};
static const ftc_example training_cost_examples[] = {
    NUMBER_EXAMPLE("1.32; 1; 1; 10", 13.2),
};
static const ftc_example training_tokens_cost_examples[] = {
    NUMBER_EXAMPLE("5000000; 3; 25", 375),
};
static const ftc_example serving_cost_examples[] = {
    NUMBER_EXAMPLE("2; 2", 2920),
};
static const ftc_example selfhost_per_mtok_examples[] = {
    NUMBER_EXAMPLE("2; 1000; 0.5", 1.1111111111111112), /* 10/9 */
};
static const ftc_example energy_kwh_examples[] = {
    NUMBER_EXAMPLE("700; 8; 100", 672),
};
static const ftc_example co2_kg_examples[] = {
    NUMBER_EXAMPLE("672; 400", 268.8),
};
static const ftc_example api_cost_examples[] = {
    NUMBER_EXAMPLE("1000000; 200000; 2.5; 10", 4.5),
    NUMBER_EXAMPLE("1000000; 200000; 2.5; 10; 400000; 1.25", 4.0),
};
static const ftc_example api_tco_examples[] = {
    NUMBER_EXAMPLE("100000000; 20000000; 2.5; 10", 10800),
    /* 450 * (1.05^24 - 1) / 0.05, exact rational sum rounded once */
    NUMBER_EXAMPLE("100000000; 20000000; 2.5; 10; 0.05", 20025.899493423298),
};
static const ftc_example breakeven_examples[] = {
    NUMBER_EXAMPLE("50000; 3000; 8000", 10),
    NUMBER_EXAMPLE("50000; 3000; 5000; 0.05", 14),
    ERROR_EXAMPLE("50000; 3000; 2000", FTC_ERR_NO_ANSWER),
};
static const ftc_example breakeven_volume_examples[] = {
    NUMBER_EXAMPLE("10000; 1; 6", 2000000000),
    ERROR_EXAMPLE("10000; 6; 6", FTC_ERR_NO_ANSWER),
};
static const double schedule_cells[] = {
    0, 50000, 0,    50000, 0,    /* month 0: the upfront cost */
    1, 3000,  8000, 53000, 8000, /* month 1 */
};
static const ftc_example schedule_examples[] = {
    {.args = "50000; 3000; 8000; 0; 12", .status = FTC_OK, .rows = 13, .cols = 5,
     .n_cells = G_N_ELEMENTS(schedule_cells), .cells = schedule_cells},
};
/* The shipped catalogue (functions/prices.json); change these with it. */
static const ftc_example api_price_examples[] = {
    NUMBER_EXAMPLE("\"gpt-4o\"", 2.5),
    NUMBER_EXAMPLE("\"gpt-4o\"; \"output\"", 10),
    NUMBER_EXAMPLE("\"OpenAI/GPT-4o\"; \"cached_input\"", 1.25),
    NUMBER_EXAMPLE("\"Claude-Sonnet-4-6\"; \"batch_output\"", 7.5),
    NUMBER_EXAMPLE("\"gemini-2.5-pro\"; \"cached_input\"", 0.125),
    ERROR_EXAMPLE("\"no-such-model\"", FTC_ERR_NO_ANSWER),
    ERROR_EXAMPLE("\"mistral-medium-3-5\"; \"cached_input\"", FTC_ERR_NO_ANSWER),
    ERROR_EXAMPLE("\"gpt-4o\"; \"dinner\"", FTC_ERR_INVALID),
};
static const ftc_example api_price_date_examples[] = {
    NUMBER_EXAMPLE("\"gpt-4o\"", 46355), /* 2026-11-29 */
    ERROR_EXAMPLE("\"no-such-model\"", FTC_ERR_NO_ANSWER),
};
static const ftc_example verdict_examples[] = {
    TEXT_EXAMPLE("0.90; 0.85; 100000; 40000", "PROMPT"),
    TEXT_EXAMPLE("0.90; 0.78; 100000; 40000", "FINE-TUNE"),
};

/* --- the catalogue ----------------------------------------------------------- */

static const ftc_function fn_ft_tco = {
    .name = "FT_TCO",
    .description = L("Total cost of owning a fine-tuned model over the horizon: "
                     "training, serving, engineering, retrains and base-model "
                     "rebuilds.",
                     "Gesamtbetriebskosten eines feinabgestimmten Modells über den "
                     "Horizont: Training, Bereitstellung, Engineering, "
                     "Nachtrainings und Neuaufbauten nach Abkündigung des "
                     "Basismodells.",
                     "Coût total de possession d'un modèle affiné sur l'horizon : "
                     "entraînement, mise en service, ingénierie, réentraînements "
                     "et reconstructions après le retrait du modèle de base."),
    .result = FTC_TYPE_NUMBER, ARGS(tco_args),
    .notes = L("Rebuilds count every base-model deprecation within the horizon: "
               "floor(Horizon / LifecycleMonths).",
               "Neuaufbauten zählen jede Abkündigung des Basismodells innerhalb "
               "des Horizonts: ABRUNDEN(Horizont / LebenszyklusMonate).",
               "Les reconstructions comptent chaque retrait du modèle de base "
               "pendant l'horizon : PLANCHER(Horizon / CycleDeVieMois)."),
    EXAMPLES(tco_examples), .eval = ftc_eval_tco,
    .expansion = "$1+$2*$7+$3*$6*$7+$1*$4*$7/12+$1*INT($7/$5)",
};

static const ftc_function fn_ft_tco_items = {
    .name = "FT_TCO_ITEMS",
    .description = L("The five items of FT_TCO (training, serving, engineering, "
                     "retrains, rebuilds) as a column of 5 rows; enter as an "
                     "array formula.",
                     "Die fünf Posten von FT_TCO (Training, Bereitstellung, "
                     "Engineering, Nachtrainings, Neuaufbauten) als Spalte mit "
                     "5 Zeilen; als Matrixformel eingeben.",
                     "Les cinq postes de FT_TCO (entraînement, mise en service, "
                     "ingénierie, réentraînements, reconstructions) en une "
                     "colonne de 5 lignes ; à saisir comme formule matricielle."),
    .result = FTC_TYPE_ARRAY, ARGS(tco_args),
    .notes = L("The items sum to FT_TCO.", "Die Posten ergeben in Summe FT_TCO.",
               "La somme des postes vaut FT_TCO."),
    EXAMPLES(tco_items_examples), .eval = ftc_eval_tco_items,
    .expansion = "CHOOSE(ROW(INDIRECT(\"1:5\"));$1;$2*$7;$3*$6*$7;$1*$4*$7/12;$1*INT($7/$5))",
};

static const ftc_function fn_ft_hidden_share = {
    .name = "FT_HIDDEN_SHARE",
    .description = L("Share of the total cost of ownership that the training "
                     "run alone does not show: 1 - Training / FT_TCO.",
                     "Anteil der Gesamtbetriebskosten, den der Trainingslauf "
                     "allein nicht zeigt: 1 - Training / FT_TCO.",
                     "Part du coût total de possession que l'entraînement seul "
                     "ne montre pas : 1 - Entraînement / FT_TCO."),
    .result = FTC_TYPE_NUMBER, ARGS(tco_args),
    .notes = L("Err:502 when the total cost is 0.",
               "Err:502, wenn die Gesamtkosten 0 sind.",
               "Err:502 si le coût total est nul."),
    EXAMPLES(hidden_share_examples), .eval = ftc_eval_hidden_share,
    .expansion = "1-$1/($1+$2*$7+$3*$6*$7+$1*$4*$7/12+$1*INT($7/$5))",
};

static const ftc_function fn_ft_training_cost = {
    .name = "FT_TRAINING_COST",
    .description = L("Cost of training on rented GPUs: rate × hours × GPUs × "
                     "runs × (1 + overhead).",
                     "Kosten eines Trainings auf gemieteten GPUs: Preis × "
                     "Stunden × GPUs × Läufe × (1 + Aufschlag).",
                     "Coût d'un entraînement sur GPU loués : tarif × heures × "
                     "GPU × exécutions × (1 + surcoût)."),
    .result = FTC_TYPE_NUMBER, ARGS(training_cost_args), .notes = NO_TEXT,
    EXAMPLES(training_cost_examples), .eval = ftc_eval_training_cost,
    .expansion = "$1*$2*$3*$4*(1+$5)",
};

static const ftc_function fn_ft_training_tokens_cost = {
    .name = "FT_TRAINING_TOKENS_COST",
    .description = L("Cost of training billed per token by a hosted "
                     "fine-tuning service: tokens × epochs × price / "
                     "1,000,000 × runs.",
                     "Kosten eines Trainings, das ein gehosteter "
                     "Fine-Tuning-Dienst pro Token abrechnet: Tokens × Epochen "
                     "× Preis / 1.000.000 × Läufe.",
                     "Coût d'un entraînement facturé au jeton par un service "
                     "d'affinage hébergé : jetons × époques × prix / 1 000 000 "
                     "× exécutions."),
    .result = FTC_TYPE_NUMBER, ARGS(training_tokens_cost_args), .notes = NO_TEXT,
    EXAMPLES(training_tokens_cost_examples), .eval = ftc_eval_training_tokens_cost,
    .expansion = "$1*$2*$3/1000000*$4",
};

static const ftc_function fn_ft_serving_cost = {
    .name = "FT_SERVING_COST",
    .description = L("Monthly cost of serving a model on your own GPUs: rate × "
                     "GPUs × hours per month × (1 + overhead).",
                     "Monatliche Kosten für den Betrieb eines Modells auf "
                     "eigenen GPUs: Preis × GPUs × Stunden pro Monat × "
                     "(1 + Aufschlag).",
                     "Coût mensuel de mise en service d'un modèle sur vos "
                     "propres GPU : tarif × GPU × heures par mois × "
                     "(1 + surcoût)."),
    .result = FTC_TYPE_NUMBER, ARGS(serving_cost_args), .notes = NO_TEXT,
    EXAMPLES(serving_cost_examples), .eval = ftc_eval_serving_cost,
    .expansion = "$1*$2*$3*(1+$4)",
};

static const ftc_function fn_ft_selfhost_per_mtok = {
    .name = "FT_SELFHOST_PER_MTOK",
    .description = L("Cost of one million tokens served on your own GPUs, to "
                     "compare with an API's price per million tokens.",
                     "Kosten für eine Million Tokens auf eigenen GPUs, "
                     "vergleichbar mit dem API-Preis pro Million Tokens.",
                     "Coût d'un million de jetons servis sur vos propres GPU, à "
                     "comparer au prix d'une API par million de jetons."),
    .result = FTC_TYPE_NUMBER, ARGS(selfhost_per_mtok_args), .notes = NO_TEXT,
    EXAMPLES(selfhost_per_mtok_examples), .eval = ftc_eval_selfhost_per_mtok,
    .expansion = "$1*$4*1000000/($2*3600*$3)",
};

static const ftc_function fn_ft_energy_kwh = {
    .name = "FT_ENERGY_KWH",
    .description = L("Energy used by GPUs, data-centre overhead included: "
                     "watts × GPUs × hours × PUE / 1000.",
                     "Energieverbrauch von GPUs einschließlich "
                     "Rechenzentrums-Overhead: Watt × GPUs × Stunden × PUE / "
                     "1000.",
                     "Énergie consommée par des GPU, surcoût du centre de "
                     "données compris : watts × GPU × heures × PUE / 1000."),
    .result = FTC_TYPE_NUMBER, ARGS(energy_kwh_args), .notes = NO_TEXT,
    EXAMPLES(energy_kwh_examples), .eval = ftc_eval_energy_kwh,
    .expansion = "$1*$2*$3*$4/1000",
};

static const ftc_function fn_ft_co2_kg = {
    .name = "FT_CO2_KG",
    .description = L("CO2 emitted for an amount of energy: kWh × grams per kWh "
                     "/ 1000.",
                     "CO2-Ausstoß für eine Energiemenge: kWh × Gramm pro kWh / "
                     "1000.",
                     "CO2 émis pour une quantité d'énergie : kWh × grammes par "
                     "kWh / 1000."),
    .result = FTC_TYPE_NUMBER, ARGS(co2_kg_args), .notes = NO_TEXT,
    EXAMPLES(co2_kg_examples), .eval = ftc_eval_co2_kg,
    .expansion = "$1*$2/1000",
};

static const ftc_function fn_api_cost = {
    .name = "API_COST",
    .description = L("Cost of a volume of API calls, with prompt caching and an "
                     "optional discount (0.5 for a batch API).",
                     "Kosten eines Volumens von API-Aufrufen mit Prompt-Caching "
                     "und optionalem Rabatt (0,5 für eine Batch-API).",
                     "Coût d'un volume d'appels d'API, avec cache de prompt et "
                     "remise facultative (0,5 pour une API par lots)."),
    .result = FTC_TYPE_NUMBER, ARGS(api_cost_args),
    .notes = L("Err:502 when CachedTokens exceeds InputTokens.",
               "Err:502, wenn CacheTokens größer als EingabeTokens ist.",
               "Err:502 si JetonsEnCache dépasse JetonsEntrée."),
    EXAMPLES(api_cost_examples), .eval = ftc_eval_api_cost,
    .expansion = "IF($5>$1;NA();(($1-$5)*$3+$5*$6+$2*$4)/1000000*(1-$7))",
};

static const ftc_function fn_api_tco = {
    .name = "API_TCO",
    .description = L("Cost of the API path over the horizon, with usage "
                     "growth, price changes and prompt-engineering labour.",
                     "Kosten des API-Wegs über den Horizont, mit "
                     "Nutzungswachstum, Preisänderungen und Aufwand für "
                     "Prompt-Engineering.",
                     "Coût de la voie API sur l'horizon, avec croissance de "
                     "l'usage, évolution des prix et travail d'ingénierie de "
                     "prompt."),
    .result = FTC_TYPE_NUMBER, ARGS(api_tco_args),
    .notes = L("Month m (from 0) costs the first month's bill × ((1 + "
               "MonthlyGrowth) × (1 + MonthlyPriceChange))^m.",
               "Monat m (ab 0) kostet die Rechnung des ersten Monats × ((1 + "
               "WachstumProMonat) × (1 + PreisänderungProMonat))^m.",
               "Le mois m (à partir de 0) coûte la facture du premier mois × "
               "((1 + CroissanceMensuelle) × (1 + VariationPrixMensuelle))^m."),
    EXAMPLES(api_tco_examples), .eval = ftc_eval_api_tco,
    .expansion = "SUMPRODUCT(($1*$3+$2*$4)/1000000*((1+$5)*(1+$8))^(ROW(INDIRECT(\"1:\"&MIN($6)))-1))+$7*$6",
};

static const ftc_function fn_api_price = {
    .name = "API_PRICE",
    .description = L("Price per million tokens of a hosted model, from the dated "
                     "price catalogue shipped with ftcost or your own price file.",
                     "Preis pro Million Tokens eines gehosteten Modells, aus dem "
                     "datierten Preiskatalog von ftcost oder Ihrer eigenen "
                     "Preisdatei.",
                     "Prix par million de jetons d'un modèle hébergé, tiré du "
                     "catalogue de prix daté fourni avec ftcost ou de votre propre "
                     "fichier de prix."),
    .result = FTC_TYPE_NUMBER, ARGS(api_price_args),
    .notes = L("#N/A for an unknown model or a kind of price the model does not "
               "have; Err:502 for an unknown Kind. Prices are list prices in USD "
               "as of API_PRICE_DATE: check them at the provider before a budget "
               "is signed. Your own prices go in ~/.config/ftcost/prices.json or "
               "the file named by FTCOST_PRICES (ftcost's format or LiteLLM's).",
               "#N/A bei unbekanntem Modell oder einer Preisart, die das Modell "
               "nicht hat; Err:502 bei unbekannter Art. Listenpreise in USD zum "
               "Stand von API_PRICE_DATE: vor der Freigabe eines Budgets beim "
               "Anbieter prüfen. Eigene Preise in ~/.config/ftcost/prices.json "
               "oder der Datei aus FTCOST_PRICES (Format von ftcost oder "
               "LiteLLM).",
               "#N/A pour un modèle inconnu ou un type de prix que le modèle n'a "
               "pas ; Err:502 pour un Type inconnu. Prix catalogue en USD à la "
               "date d'API_PRICE_DATE : à vérifier chez le fournisseur avant de "
               "signer un budget. Vos propres prix vont dans "
               "~/.config/ftcost/prices.json ou le fichier désigné par "
               "FTCOST_PRICES (format de ftcost ou de LiteLLM)."),
    EXAMPLES(api_price_examples), .eval = ftc_eval_api_price,
    .dated_by = "API_PRICE_DATE",
};

static const ftc_function fn_api_price_date = {
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
    .result = FTC_TYPE_NUMBER, ARGS(api_price_date_args),
    .notes = L("#N/A for an unknown model. Days since 1899-12-30, Calc's default "
               "date system; entries from a LiteLLM file are dated by the "
               "file's modification time.",
               "#N/A bei unbekanntem Modell. Tage seit dem 30.12.1899, dem "
               "Standard-Datumssystem von Calc; Einträge aus einer LiteLLM-Datei "
               "tragen das Änderungsdatum der Datei.",
               "#N/A pour un modèle inconnu. Jours depuis le 30/12/1899, le "
               "système de dates par défaut de Calc ; les entrées d'un fichier "
               "LiteLLM sont datées de la modification du fichier."),
    EXAMPLES(api_price_date_examples), .eval = ftc_eval_api_price_date,
};

static const ftc_function fn_ft_breakeven = {
    .name = "FT_BREAKEVEN",
    .description = L("First whole month at which the cumulative fine-tuning "
                     "cost is no more than the cumulative API cost.",
                     "Erster ganzer Monat, in dem die kumulierten "
                     "Fine-Tuning-Kosten die kumulierten API-Kosten nicht "
                     "übersteigen.",
                     "Premier mois entier où le coût cumulé de l'affinage ne "
                     "dépasse pas le coût cumulé de l'API."),
    .result = FTC_TYPE_NUMBER, ARGS(breakeven_args),
    .notes = L("#N/A when fine-tuning does not break even within MaxMonths.",
               "#N/A, wenn sich das Fine-Tuning nicht innerhalb von MaxMonate "
               "rechnet.",
               "#N/A si l'affinage n'est pas rentabilisé en MoisMax mois."),
    EXAMPLES(breakeven_examples), .eval = ftc_eval_breakeven,
    .expansion = "IF(SUMPRODUCT(MAX((($1+$2*ROW(INDIRECT(\"1:\"&$5)))<=IF($4=0;$3*ROW(INDIRECT(\"1:\"&$5));$3*((1+$4)^ROW(INDIRECT(\"1:\"&$5))-1)/$4))/ROW(INDIRECT(\"1:\"&$5))))=0;NA();ROUND(1/SUMPRODUCT(MAX((($1+$2*ROW(INDIRECT(\"1:\"&$5)))<=IF($4=0;$3*ROW(INDIRECT(\"1:\"&$5));$3*((1+$4)^ROW(INDIRECT(\"1:\"&$5))-1)/$4))/ROW(INDIRECT(\"1:\"&$5))));0))",
};

static const ftc_function fn_ft_breakeven_volume = {
    .name = "FT_BREAKEVEN_VOLUME",
    .description = L("Monthly token volume at which self-hosting a fine-tuned "
                     "model costs the same as the API.",
                     "Monatliches Token-Volumen, bei dem der Eigenbetrieb eines "
                     "feinabgestimmten Modells so viel kostet wie die API.",
                     "Volume mensuel de jetons pour lequel l'auto-hébergement "
                     "d'un modèle affiné coûte autant que l'API."),
    .result = FTC_TYPE_NUMBER, ARGS(breakeven_volume_args),
    .notes = L("#N/A when ApiPrice is not above SelfHostPrice: self-hosting "
               "never breaks even.",
               "#N/A, wenn APIPreis nicht über EigenbetriebPreis liegt: der "
               "Eigenbetrieb rechnet sich nie.",
               "#N/A si PrixAPI ne dépasse pas PrixAutoHébergé : "
               "l'auto-hébergement n'est jamais rentable."),
    EXAMPLES(breakeven_volume_examples), .eval = ftc_eval_breakeven_volume,
    .expansion = "IF($3<=$2;NA();$1*1000000/($3-$2))",
};

static const ftc_function fn_ft_schedule = {
    .name = "FT_SCHEDULE",
    .description = L("Month-by-month cash flows of both paths, Months+1 rows × "
                     "5 columns: month, fine-tuning flow, API flow, cumulative "
                     "fine-tuning, cumulative API; enter as an array formula.",
                     "Monatliche Zahlungsströme beider Wege, Monate+1 Zeilen × "
                     "5 Spalten: Monat, Fine-Tuning-Zahlung, API-Zahlung, "
                     "Fine-Tuning kumuliert, API kumuliert; als Matrixformel "
                     "eingeben.",
                     "Flux de trésorerie mensuels des deux voies, Mois+1 lignes "
                     "× 5 colonnes : mois, flux de l'affinage, flux de l'API, "
                     "affinage cumulé, API cumulée ; à saisir comme formule "
                     "matricielle."),
    .result = FTC_TYPE_ARRAY, ARGS(schedule_args),
    .notes = L("Row 0 holds FtUpfront and no API spend; the flow columns feed "
               "NPV from row 1, the cumulative columns cross at the break-even.",
               "Zeile 0 enthält FTEinmalig und keine API-Kosten; die "
               "Zahlungsspalten speisen NBW ab Zeile 1, die kumulierten Spalten "
               "schneiden sich am Break-even.",
               "La ligne 0 porte AffinageInitial et aucune dépense d'API ; les "
               "colonnes de flux alimentent VAN à partir de la ligne 1, les "
               "colonnes cumulées se croisent au seuil de rentabilité."),
    EXAMPLES(schedule_examples), .eval = ftc_eval_schedule,
    .expansion = "(ROW(INDIRECT(\"1:\"&($5+1)))-1)*({1;2;3;4;5}=1)+($1*((ROW(INDIRECT(\"1:\"&($5+1)))-1)=0)+$2*((ROW(INDIRECT(\"1:\"&($5+1)))-1)>0))*({1;2;3;4;5}=2)+$3*(1+$4)^((ROW(INDIRECT(\"1:\"&($5+1)))-1)-1)*((ROW(INDIRECT(\"1:\"&($5+1)))-1)>0)*({1;2;3;4;5}=3)+($1+$2*(ROW(INDIRECT(\"1:\"&($5+1)))-1))*({1;2;3;4;5}=4)+IF($4=0;$3*(ROW(INDIRECT(\"1:\"&($5+1)))-1);$3*((1+$4)^(ROW(INDIRECT(\"1:\"&($5+1)))-1)-1)/$4)*({1;2;3;4;5}=5)",
};

static const ftc_function fn_ft_verdict = {
    .name = "FT_VERDICT",
    .description = L("\"PROMPT\" when prompting comes within Tolerance of the "
                     "fine-tuned accuracy and the API path costs no more; "
                     "otherwise \"FINE-TUNE\".",
                     "„PROMPT“, wenn Prompting bis auf die Toleranz an die "
                     "Fine-Tuning-Genauigkeit herankommt und der API-Weg nicht "
                     "mehr kostet; sonst „FINE-TUNE“.",
                     "« PROMPT » si le prompting atteint la précision de "
                     "l'affinage à la tolérance près et que la voie API ne "
                     "coûte pas plus ; sinon « FINE-TUNE »."),
    .result = FTC_TYPE_TEXT, ARGS(verdict_args), .notes = NO_TEXT,
    EXAMPLES(verdict_examples), .eval = ftc_eval_verdict,
    .expansion = "IF(AND($2>=$1*(1-$5);$4<=$3);\"PROMPT\";\"FINE-TUNE\")",
};

/* The order is the order of the reference and the Function Wizard. */
static const ftc_function *const catalogue[] = {
    &fn_ft_tco,
    &fn_ft_tco_items,
    &fn_ft_hidden_share,
    &fn_ft_training_cost,
    &fn_ft_training_tokens_cost,
    &fn_ft_serving_cost,
    &fn_ft_selfhost_per_mtok,
    &fn_ft_energy_kwh,
    &fn_ft_co2_kg,
    &fn_api_cost,
    &fn_api_tco,
    &fn_api_price,
    &fn_api_price_date,
    &fn_ft_breakeven,
    &fn_ft_breakeven_volume,
    &fn_ft_schedule,
    &fn_ft_verdict,
    /* ftc-rag.c */
    &ftc_fn_rag_embed_cost,
    &ftc_fn_rag_store_gb,
    &ftc_fn_rag_query_cost,
    &ftc_fn_rag_tco,
    /* ftc-sizing.c */
    &ftc_fn_train_flops,
    &ftc_fn_gpu_hours,
    &ftc_fn_train_memory_gb,
    &ftc_fn_gpus_needed,
    /* ftc-gpus.c */
    &ftc_fn_gpu_price,
    &ftc_fn_gpu_price_date,
    &ftc_fn_gpu_spec,
};

size_t ftc_function_count(void)
{
    return G_N_ELEMENTS(catalogue);
}

const ftc_function *ftc_function_at(size_t index)
{
    return index < G_N_ELEMENTS(catalogue) ? catalogue[index] : NULL;
}

const ftc_function *ftc_function_find(const char *name)
{
    if (name == NULL)
        return NULL;
    for (size_t i = 0; i < G_N_ELEMENTS(catalogue); i++)
        if (g_ascii_strcasecmp(catalogue[i]->name, name) == 0)
            return catalogue[i];
    return NULL;
}

size_t ftc_function_required_args(const ftc_function *fn)
{
    size_t n = 0;

    while (n < fn->n_args && !fn->args[n].optional)
        n++;
    return n;
}
