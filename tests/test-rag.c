/* The RAG path: RAG_EMBED_COST, RAG_STORE_GB, RAG_QUERY_COST, RAG_TCO
 * (functions/ftc-rag.c). */
#include "ftc-test-util.h"

#include <glib.h>
#include <math.h>

static const ftc_number_case number_cases[] = {
    /* spec: 5e7 * 1.1 * 0.02 / 1e6 */
    {"RAG_EMBED_COST", "50000000; 0.02; 0.1", 1.1},
    {"RAG_EMBED_COST", "50000000; 0.02", 1},
    {"RAG_EMBED_COST", "50000000; 0.02; 1", 2},
    {"RAG_EMBED_COST", "0; 0.13", 0},
    /* spec: 5e7 / 500 chunks * 1536 * 4 bytes * 1.5 / 1e9 */
    {"RAG_STORE_GB", "50000000; 500; 1536", 0.9216},
    {"RAG_STORE_GB", "50000000; 500; 1536; 4; 0; 0.5", 0.9216},
    /* binary vectors, no index: 1e5 chunks * 1536 / 8 bytes */
    {"RAG_STORE_GB", "50000000; 500; 1536; 0.125; 0; 0", 0.0192},
    /* overlap stores more chunks: 1.1e5 * 1536 * 1 */
    {"RAG_STORE_GB", "50000000; 500; 1536; 1; 0.1; 0", 0.16896},
    /* spec: 1e5 * (5 * 500 * 2.5 + 50 * 0.02) / 1e6 */
    {"RAG_QUERY_COST", "100000; 5; 500; 2.5; 50; 0.02", 625.1},
    {"RAG_QUERY_COST", "100000; 5; 500; 2.5", 625},
    {"RAG_QUERY_COST", "100000; 0; 500; 2.5; 50; 0.02", 0.1},
    /* spec: 15000 + 1200 * 24 + 625.1 * 24 */
    {"RAG_TCO", "625.1; 1200; 15000", 58802.4},
    /* spec: 15000 + 28800 + 625.1 * (1.05^24 - 1) / 0.05 */
    {"RAG_TCO", "625.1; 1200; 15000; 24; 0.05", 71618.199496342992},
    {"RAG_TCO", "100; 10; 1000; 1", 1110},
    /* usage doubling while prices halve: flat */
    {"RAG_TCO", "100; 0; 0; 12; 1; -0.5", 1200},
    /* prices cut 10 % a month: 100 * (1 - 0.9^3) / 0.1 */
    {"RAG_TCO", "100; 0; 0; 3; 0; -0.1", 271},
    {"RAG_TCO", "100; 1; 0; 1200", 121200},
};

FTC_TEST_NUMBERS(number_cases)

/* The list: negative tokens, ChunkTokens 0, Overlap 1.5, Horizon 0
 * or 12.5, text; and every other domain edge. */
static const ftc_invalid_case invalid_cases[] = {
    {"RAG_EMBED_COST", "-1; 0.02", 0},
    {"RAG_EMBED_COST", "1; -0.02", 1},
    {"RAG_EMBED_COST", "1; 0.02; 1.5", 2},
    {"RAG_EMBED_COST", "1; 0.02; -0.1", 2},
    {"RAG_EMBED_COST", "1; 0.02; half", 2},
    {"RAG_STORE_GB", "-1; 500; 1536", 0},
    {"RAG_STORE_GB", "1; 0; 1536", 1},
    {"RAG_STORE_GB", "1; 500; 0", 2},
    {"RAG_STORE_GB", "1; 500; 1536; 0", 3},
    {"RAG_STORE_GB", "1; 500; 1536; 4; 1.5", 4},
    {"RAG_STORE_GB", "1; 500; 1536; 4; 0; -0.5", 5},
    {"RAG_STORE_GB", "1; 500; 1536; float", 3},
    {"RAG_QUERY_COST", "-1; 5; 500; 2.5", 0},
    {"RAG_QUERY_COST", "1; -5; 500; 2.5", 1},
    {"RAG_QUERY_COST", "1; 5; 0; 2.5", 2},
    {"RAG_QUERY_COST", "1; 5; 500; -2.5", 3},
    {"RAG_QUERY_COST", "1; 5; 500; 2.5; -50", 4},
    {"RAG_QUERY_COST", "1; 5; 500; 2.5; 50; -1", 5},
    {"RAG_TCO", "-1; 0; 0", 0},
    {"RAG_TCO", "1; -1; 0", 1},
    {"RAG_TCO", "1; 1; -1", 2},
    {"RAG_TCO", "1; 1; 1; 0", 3},
    {"RAG_TCO", "1; 1; 1; 12.5", 3},
    {"RAG_TCO", "1; 1; 1; 1201", 3},
    {"RAG_TCO", "1; 1; 1; 24; -1", 4},
    {"RAG_TCO", "1; 1; 1; 24; 0; -1", 5},
    {"RAG_TCO", "1; 1; 1; months", 3},
    /* doubling every month for 100 years overflows a double */
    {"RAG_TCO", "1; 0; 0; 1200; 1", -1},
};

FTC_TEST_INVALID(invalid_cases)

/* RAG_TCO's usage term is API_TCO's sum: with no fixed or upfront cost and
 * the same first month, growth and price change, they agree to the bit. */
START_TEST(test_tco_usage_is_api_tco)
{
    static const char *const growth[] = {"0", "0.05", "-0.03", "0.2"};
    static const char *const change[] = {"0", "-0.02", "0.01"};

    for (size_t g = 0; g < G_N_ELEMENTS(growth); g++)
        for (size_t c = 0; c < G_N_ELEMENTS(change); c++)
            for (int months = 1; months <= 60; months += 7) {
                /* API_TCO's first month: 1e6 * 450 / 1e6 = 450 */
                g_autofree char *rag =
                    g_strdup_printf("450; 0; 0; %d; %s; %s", months, growth[g], change[c]);
                g_autofree char *api = g_strdup_printf("1000000; 0; 450; 0; %s; %d; 0; %s",
                                                       growth[g], months, change[c]);

                ck_assert_double_eq(ftc_test_number("RAG_TCO", rag),
                                    ftc_test_number("API_TCO", api));
            }
}
END_TEST

/* The parts add up: a month of the RAG path on its own is its usage plus
 * its fixed cost, and the upfront cost is paid once. */
START_TEST(test_tco_parts)
{
    double one = ftc_test_number("RAG_TCO", "625.1; 1200; 15000; 1");
    double two = ftc_test_number("RAG_TCO", "625.1; 1200; 15000; 2");

    ck_assert(ftc_test_close(one, 625.1 + 1200 + 15000));
    ck_assert(ftc_test_close(two - one, 625.1 + 1200));
}
END_TEST

static Suite *rag_suite(void)
{
    Suite *s = suite_create("rag");
    TCase *tc = tcase_create("rag");

    tcase_add_loop_test(tc, test_numbers, 0, G_N_ELEMENTS(number_cases));
    tcase_add_loop_test(tc, test_invalid, 0, G_N_ELEMENTS(invalid_cases));
    tcase_add_test(tc, test_tco_usage_is_api_tco);
    tcase_add_test(tc, test_tco_parts);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ftc_test_run(rag_suite());
}
