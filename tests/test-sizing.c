/* Sizing a fine-tune: FT_TRAIN_FLOPS, FT_GPU_HOURS, FT_TRAIN_MEMORY_GB,
 * FT_GPUS_NEEDED (functions/ftc-sizing.c). */
#include "ftc-test-util.h"

#include <glib.h>
#include <math.h>

static const ftc_number_case number_cases[] = {
    /* spec: 6 * 7e9 * 2.5e7 * 3 */
    {"FT_TRAIN_FLOPS", "7E9; 25000000; 3", 3.15e18},
    {"FT_TRAIN_FLOPS", "7E9; 25000000", 1.05e18},
    {"FT_TRAIN_FLOPS", "7E9; 25000000; 3; \"full\"", 3.15e18},
    /* adapters: 4 per parameter per token, any case */
    {"FT_TRAIN_FLOPS", "7E9; 25000000; 3; \"lora\"", 2.1e18},
    {"FT_TRAIN_FLOPS", "7E9; 25000000; 3; \"QLoRA\"", 2.1e18},
    {"FT_TRAIN_FLOPS", "7E9; 0; 3", 0},
    {"FT_TRAIN_FLOPS", "7E9; 25000000; 0.5", 5.25e17},
    /* spec: 3.15e18 / (989e12 * 0.4 * 3600) */
    {"FT_GPU_HOURS", "7E9; 25000000; 3; 989", 2.2118301314459049},
    {"FT_GPU_HOURS", "7E9; 25000000; 3; 989; 0.4; \"full\"", 2.2118301314459049},
    /* 2.1e18 / (312e12 * 0.5 * 3600) */
    {"FT_GPU_HOURS", "7E9; 25000000; 3; 312; 0.5; \"lora\"", 3.7393162393162394},
    {"FT_GPU_HOURS", "7E9; 25000000; 3; 1000; 1", 0.875},
    /* spec */
    {"FT_TRAIN_MEMORY_GB", "7E9", 112},
    {"FT_TRAIN_MEMORY_GB", "7E9; \"lora\"", 15.12},
    {"FT_TRAIN_MEMORY_GB", "7E9; \"qlora\"", 4.62},
    /* the adapter share does not matter to full fine-tuning */
    {"FT_TRAIN_MEMORY_GB", "7E9; \"full\"; 1", 112},
    {"FT_TRAIN_MEMORY_GB", "7E9; \"LORA\"; 0", 14},
    {"FT_TRAIN_MEMORY_GB", "70E9; \"qlora\"; 0.001", 36.12},
    /* spec: 112 / (80 * 0.8) = 1.75 */
    {"FT_GPUS_NEEDED", "112; 80", 2},
    {"FT_GPUS_NEEDED", "128; 80", 2},
    {"FT_GPUS_NEEDED", "128.5; 80", 3},
    {"FT_GPUS_NEEDED", "112; 80; 0", 2},
    {"FT_GPUS_NEEDED", "160; 80; 0", 2},
    {"FT_GPUS_NEEDED", "0; 80", 1},
    {"FT_GPUS_NEEDED", "1120; 80; 0.3", 20},
};

FTC_TEST_NUMBERS(number_cases)

/* The list: Params 0, Mfu 0 or 1.5, Headroom 1, an unknown method. */
static const ftc_invalid_case invalid_cases[] = {
    {"FT_TRAIN_FLOPS", "0; 25000000", 0},
    {"FT_TRAIN_FLOPS", "-7E9; 25000000", 0},
    {"FT_TRAIN_FLOPS", "7E9; -1", 1},
    {"FT_TRAIN_FLOPS", "7E9; 1; -1", 2},
    {"FT_TRAIN_FLOPS", "7E9; 1; 1; \"dora\"", 3},
    {"FT_TRAIN_FLOPS", "7E9; 1; 1; \"\"", 3},
    {"FT_TRAIN_FLOPS", "7E9; 1; 1; \"full \"", 3},
    {"FT_GPU_HOURS", "0; 1; 1; 989", 0},
    {"FT_GPU_HOURS", "7E9; 1; 1; 0", 3},
    {"FT_GPU_HOURS", "7E9; 1; 1; 989; 0", 4},
    {"FT_GPU_HOURS", "7E9; 1; 1; 989; 1.5", 4},
    {"FT_GPU_HOURS", "7E9; 1; 1; 989; -0.4", 4},
    {"FT_GPU_HOURS", "7E9; 1; 1; 989; 0.4; \"adapter\"", 5},
    {"FT_TRAIN_MEMORY_GB", "0", 0},
    {"FT_TRAIN_MEMORY_GB", "7E9; \"half\"", 1},
    {"FT_TRAIN_MEMORY_GB", "7E9; \"lora\"; 1.5", 2},
    {"FT_TRAIN_MEMORY_GB", "7E9; \"lora\"; -0.01", 2},
    {"FT_GPUS_NEEDED", "-1; 80", 0},
    {"FT_GPUS_NEEDED", "112; 0", 1},
    {"FT_GPUS_NEEDED", "112; 80; 1", 2},
    {"FT_GPUS_NEEDED", "112; 80; -0.1", 2},
    /* a number is not a method: Calc hands a typed 1 over as a number */
    {"FT_TRAIN_MEMORY_GB", "7E9; 1", 1},
    /* 6 * 1e308 overflows a double */
    {"FT_TRAIN_FLOPS", "1E308; 1", -1},
};

FTC_TEST_INVALID(invalid_cases)

/* The error names the choices, so a user sees what to type. */
START_TEST(test_method_message)
{
    ftc_result r;
    ftc_error e;

    ck_assert_int_eq(ftc_test_call("FT_TRAIN_FLOPS", "7E9; 1; 1; \"dora\"", &r, &e),
                     FTC_ERR_INVALID);
    ck_assert_str_eq(e.message, "FT_TRAIN_FLOPS: Method must be one of \"full\", \"lora\", "
                                "\"qlora\" (got \"dora\")");
}
END_TEST

/* FT_GPU_HOURS is FT_TRAIN_FLOPS spread over the achieved FLOPS, for every
 * method; the GPUs needed hold the memory with the headroom left. */
START_TEST(test_relations)
{
    static const char *const methods[] = {"full", "lora", "qlora"};

    for (size_t m = 0; m < G_N_ELEMENTS(methods); m++) {
        g_autofree char *f = g_strdup_printf("13E9; 40000000; 2; \"%s\"", methods[m]);
        g_autofree char *h =
            g_strdup_printf("13E9; 40000000; 2; 989.5; 0.45; \"%s\"", methods[m]);
        g_autofree char *mem = g_strdup_printf("13E9; \"%s\"", methods[m]);
        double flops = ftc_test_number("FT_TRAIN_FLOPS", f);
        double hours = ftc_test_number("FT_GPU_HOURS", h);
        double gb = ftc_test_number("FT_TRAIN_MEMORY_GB", mem);
        g_autofree char *need = g_strdup_printf("%.17g; 24; 0.25", gb);
        double gpus = ftc_test_number("FT_GPUS_NEEDED", need);

        ck_assert(ftc_test_close(hours, flops / (989.5e12 * 0.45 * 3600)));
        ck_assert(gpus * 24 * 0.75 >= gb);
        ck_assert(gpus == 1 || (gpus - 1) * 24 * 0.75 < gb);
    }
}
END_TEST

static Suite *sizing_suite(void)
{
    Suite *s = suite_create("sizing");
    TCase *tc = tcase_create("sizing");

    tcase_add_loop_test(tc, test_numbers, 0, G_N_ELEMENTS(number_cases));
    tcase_add_loop_test(tc, test_invalid, 0, G_N_ELEMENTS(invalid_cases));
    tcase_add_test(tc, test_method_message);
    tcase_add_test(tc, test_relations);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ftc_test_run(sizing_suite());
}
