/* ftc-rag.c: the third path, retrieval-augmented generation: embed the
 * knowledge once, store the vectors, add the retrieved chunks to every
 * prompt.  Each function below is one block: argument positions, argument
 * table, worked examples (shared/spec/FUNCTIONS.md, part 2), kernel, entry.
 */
#include "ftcost-private.h"

#define ARG_OVERLAP                                                                            \
    {                                                                                          \
        .name = L("Overlap"),                                                                  \
        .description = L("Share of tokens embedded twice because chunks overlap"),             \
        OPTIONAL(FTC_UNIT_FRACTION, FTC_DOMAIN_FRACTION, 0)                                    \
    }

#define ARG_CHUNK_TOKENS                                                                       \
    {                                                                                          \
        .name = L("ChunkTokens"), .description = L("Tokens in one retrieved chunk"),           \
        REQUIRED(FTC_UNIT_TOKENS, FTC_DOMAIN_POSITIVE)                                         \
    }

#define ARG_EMBED_PRICE(opt)                                                                   \
    {                                                                                          \
        .name = L("EmbedPrice"), .description = L("Price of the embedding model"), opt         \
    }

/* --- RAG_EMBED_COST ---------------------------------------------------------- */

enum { EMBED_TOKENS, EMBED_PRICE, EMBED_OVERLAP, EMBED_N };

static const ftc_arg_info embed_cost_args[] = {
    [EMBED_TOKENS] = {.name = L("Tokens"),
                      .description = L("Tokens to embed: the corpus, or a month's "
                                       "changed documents"),
                      REQUIRED(FTC_UNIT_TOKENS, FTC_DOMAIN_NON_NEGATIVE)},
    [EMBED_PRICE] = ARG_EMBED_PRICE(REQUIRED(FTC_UNIT_MONEY_PER_MTOK, FTC_DOMAIN_NON_NEGATIVE)),
    [EMBED_OVERLAP] = ARG_OVERLAP,
};
FTC_ARGS_MATCH(embed_cost_args, EMBED_N);

static const ftc_example embed_cost_examples[] = {
    NUMBER_EXAMPLE("50000000; 0.02; 0.1", 1.1),
    NUMBER_EXAMPLE("50000000; 0.02", 1),
};

static ftc_status eval_embed_cost(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    (void)err;
    return ftc_number(out, a[EMBED_TOKENS].number * (1 + a[EMBED_OVERLAP].number) *
                               a[EMBED_PRICE].number / 1e6);
}

const ftc_function ftc_fn_rag_embed_cost = {
    .name = "RAG_EMBED_COST",
    .description = L("Cost of embedding tokens for retrieval: tokens × (1 + "
                     "overlap) × price / 1,000,000."),
    .result = FTC_TYPE_NUMBER,
    ARGS(embed_cost_args),
    .notes = NO_TEXT,
    EXAMPLES(embed_cost_examples),
    .eval = eval_embed_cost,
    .expansion = "{{Tokens}}*(1+{{Overlap}})*{{EmbedPrice}}/1000000",
};

/* --- RAG_STORE_GB ------------------------------------------------------------ */

enum {
    STORE_CORPUS_TOKENS,
    STORE_CHUNK_TOKENS,
    STORE_DIMENSIONS,
    STORE_BYTES_PER_VALUE,
    STORE_OVERLAP,
    STORE_INDEX_OVERHEAD,
    STORE_N
};

static const ftc_arg_info store_gb_args[] = {
    [STORE_CORPUS_TOKENS] = {.name = L("CorpusTokens"),
                             .description = L("Tokens in the whole corpus"),
                             REQUIRED(FTC_UNIT_TOKENS, FTC_DOMAIN_NON_NEGATIVE)},
    [STORE_CHUNK_TOKENS] = ARG_CHUNK_TOKENS,
    [STORE_DIMENSIONS] = {.name = L("Dimensions"),
                          .description = L("Values per vector (1536 for OpenAI's "
                                           "text-embedding-3-small)"),
                          REQUIRED(FTC_UNIT_COUNT, FTC_DOMAIN_POSITIVE)},
    [STORE_BYTES_PER_VALUE] = {.name = L("BytesPerValue"),
                               .description = L("4 float32, 2 float16, 1 int8, 0.125 "
                                                "binary"),
                               OPTIONAL(FTC_UNIT_BYTES, FTC_DOMAIN_POSITIVE, 4)},
    [STORE_OVERLAP] = ARG_OVERLAP,
    [STORE_INDEX_OVERHEAD] = {.name = L("IndexOverhead"),
                              .description = L("Index graph and metadata on top of the "
                                               "raw vectors"),
                              OPTIONAL(FTC_UNIT_FRACTION, FTC_DOMAIN_NON_NEGATIVE, 0.5)},
};
FTC_ARGS_MATCH(store_gb_args, STORE_N);

static const ftc_example store_gb_examples[] = {
    NUMBER_EXAMPLE("50000000; 500; 1536", 0.9216),
    NUMBER_EXAMPLE("50000000; 500; 1536; 1; 0.1; 0", 0.16896),
};

static ftc_status eval_store_gb(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    (void)err;
    return ftc_number(out, a[STORE_CORPUS_TOKENS].number * (1 + a[STORE_OVERLAP].number) /
                               a[STORE_CHUNK_TOKENS].number * a[STORE_DIMENSIONS].number *
                               a[STORE_BYTES_PER_VALUE].number *
                               (1 + a[STORE_INDEX_OVERHEAD].number) / 1e9);
}

const ftc_function ftc_fn_rag_store_gb = {
    .name = "RAG_STORE_GB",
    .description = L("Size of the vector index in GB: one vector per chunk, "
                     "index overhead included."),
    .result = FTC_TYPE_NUMBER,
    ARGS(store_gb_args),
    .notes = L("Multiply by the vector store's price per GB-month for its monthly "
               "cost."),
    EXAMPLES(store_gb_examples),
    .eval = eval_store_gb,
    .expansion = "{{CorpusTokens}}*(1+{{Overlap}})/{{ChunkTokens}}*{{Dimensions}}"
                 "*{{BytesPerValue}}*(1+{{IndexOverhead}})/1000000000",
};

/* --- RAG_QUERY_COST ---------------------------------------------------------- */

enum {
    QUERY_QUERIES,
    QUERY_TOP_K,
    QUERY_CHUNK_TOKENS,
    QUERY_INPUT_PRICE,
    QUERY_QUERY_TOKENS,
    QUERY_EMBED_PRICE,
    QUERY_N
};

static const ftc_arg_info query_cost_args[] = {
    [QUERY_QUERIES] = {.name = L("Queries"),
                       .description = L("Prompts that retrieve context"),
                       REQUIRED(FTC_UNIT_QUERIES_PER_MONTH, FTC_DOMAIN_NON_NEGATIVE)},
    [QUERY_TOP_K] = {.name = L("TopK"),
                     .description = L("Chunks added to each prompt"),
                     REQUIRED(FTC_UNIT_COUNT, FTC_DOMAIN_NON_NEGATIVE)},
    [QUERY_CHUNK_TOKENS] = ARG_CHUNK_TOKENS,
    [QUERY_INPUT_PRICE] = {.name = L("InputPrice"),
                           .description = L("Price of the model's input tokens"),
                           REQUIRED(FTC_UNIT_MONEY_PER_MTOK, FTC_DOMAIN_NON_NEGATIVE)},
    [QUERY_QUERY_TOKENS] = {.name = L("QueryTokens"),
                            .description = L("Tokens of one query, embedded to search"),
                            OPTIONAL(FTC_UNIT_TOKENS, FTC_DOMAIN_NON_NEGATIVE, 0)},
    [QUERY_EMBED_PRICE] =
        ARG_EMBED_PRICE(OPTIONAL(FTC_UNIT_MONEY_PER_MTOK, FTC_DOMAIN_NON_NEGATIVE, 0)),
};
FTC_ARGS_MATCH(query_cost_args, QUERY_N);

static const ftc_example query_cost_examples[] = {
    NUMBER_EXAMPLE("100000; 5; 500; 2.5; 50; 0.02", 625.1),
    NUMBER_EXAMPLE("100000; 5; 500; 2.5", 625),
};

static ftc_status eval_query_cost(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    (void)err;
    return ftc_number(out, a[QUERY_QUERIES].number *
                               (a[QUERY_TOP_K].number * a[QUERY_CHUNK_TOKENS].number *
                                    a[QUERY_INPUT_PRICE].number +
                                a[QUERY_QUERY_TOKENS].number * a[QUERY_EMBED_PRICE].number) /
                               1e6);
}

const ftc_function ftc_fn_rag_query_cost = {
    .name = "RAG_QUERY_COST",
    .description = L("What retrieval adds to a month of prompts: the retrieved "
                     "chunks read as input tokens, plus embedding each query."),
    .result = FTC_TYPE_NUMBER,
    ARGS(query_cost_args),
    .notes = NO_TEXT,
    EXAMPLES(query_cost_examples),
    .eval = eval_query_cost,
    .expansion = "{{Queries}}*({{TopK}}*{{ChunkTokens}}*{{InputPrice}}"
                 "+{{QueryTokens}}*{{EmbedPrice}})/1000000",
};

/* --- RAG_TCO ----------------------------------------------------------------- */

enum {
    RTCO_MONTHLY_USAGE,
    RTCO_MONTHLY_FIXED,
    RTCO_UPFRONT,
    RTCO_HORIZON,
    RTCO_GROWTH,
    RTCO_PRICE_CHANGE,
    RTCO_N
};

static const ftc_arg_info rag_tco_args[] = {
    [RTCO_MONTHLY_USAGE] = {.name = L("MonthlyUsage"),
                            .description = L("First month's model calls with their "
                                             "retrieved context (API_COST + "
                                             "RAG_QUERY_COST)"),
                            REQUIRED(FTC_UNIT_MONEY_PER_MONTH, FTC_DOMAIN_NON_NEGATIVE)},
    [RTCO_MONTHLY_FIXED] = {.name = L("MonthlyFixed"),
                            .description = L("Vector store, re-embedding changed "
                                             "documents, upkeep"),
                            REQUIRED(FTC_UNIT_MONEY_PER_MONTH, FTC_DOMAIN_NON_NEGATIVE)},
    [RTCO_UPFRONT] = {.name = L("Upfront"),
                      .description = L("Building the pipeline and embedding the corpus"),
                      REQUIRED(FTC_UNIT_MONEY, FTC_DOMAIN_NON_NEGATIVE)},
    [RTCO_HORIZON] = {.name = L("Horizon"),
                      .description = L("Months to count"),
                      OPTIONAL(FTC_UNIT_MONTHS, FTC_DOMAIN_WHOLE_MONTHS, 24)},
    [RTCO_GROWTH] = {.name = L("MonthlyGrowth"),
                     .description = L("Growth of usage each month"),
                     OPTIONAL(FTC_UNIT_FRACTION_PER_MONTH, FTC_DOMAIN_ABOVE_MINUS_1, 0)},
    [RTCO_PRICE_CHANGE] = {.name = L("MonthlyPriceChange"),
                           .description = L("Change of the model's prices each month "
                                            "(negative: cheaper)"),
                           OPTIONAL(FTC_UNIT_FRACTION_PER_MONTH, FTC_DOMAIN_ABOVE_MINUS_1, 0)},
};
FTC_ARGS_MATCH(rag_tco_args, RTCO_N);

static const ftc_example rag_tco_examples[] = {
    NUMBER_EXAMPLE("625.1; 1200; 15000", 58802.4),
    /* 15000 + 1200 * 24 + 625.1 * (1.05^24 - 1) / 0.05 */
    NUMBER_EXAMPLE("625.1; 1200; 15000; 24; 0.05", 71618.19949634299),
};

static ftc_status eval_rag_tco(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    /* Usage and its prices move together, as in API_TCO; the fixed costs
     * and the upfront build do not. */
    double ratio = (1.0 + a[RTCO_GROWTH].number) * (1.0 + a[RTCO_PRICE_CHANGE].number);
    double horizon = a[RTCO_HORIZON].number; /* whole, 1..FTC_MAX_MONTHS */

    (void)err;
    return ftc_number(out,
                      a[RTCO_UPFRONT].number + a[RTCO_MONTHLY_FIXED].number * horizon +
                          ftc_grown_sum(a[RTCO_MONTHLY_USAGE].number, ratio, (int)horizon));
}

const ftc_function ftc_fn_rag_tco = {
    .name = "RAG_TCO",
    .description = L("Cost of the RAG path over the horizon: the upfront build, "
                     "fixed monthly costs, and usage that grows and changes price "
                     "each month."),
    .result = FTC_TYPE_NUMBER,
    ARGS(rag_tco_args),
    .notes = L("Month m (from 0) costs MonthlyUsage × ((1 + MonthlyGrowth) × (1 + "
               "MonthlyPriceChange))^m, plus MonthlyFixed."),
    EXAMPLES(rag_tco_examples),
    .eval = eval_rag_tco,
    .expansion = "{{Upfront}}+{{MonthlyFixed}}*{{Horizon}}+{{MonthlyUsage}}*" FTC_GROWN_SUM(
        "((1+{{MonthlyGrowth}})*(1+{{MonthlyPriceChange}}))", "{{Horizon}}"),
};
