/* The GPU catalogue: GPU_PRICE, GPU_PRICE_DATE, GPU_SPEC, the shipped
 * entries and the "gpus" list of override files (functions/ftc-gpus.c). */
#include "ftc-test-util.h"

#include <glib.h>
#include <math.h>
#include <string.h>

/* --- the shipped catalogue ------------------------------------------------------ */

typedef struct {
    const char *args;
    ftc_status status;
    double want;
} gpu_case;

/* Read off functions/prices.json, which cites where each came from. */
static const gpu_case price_cases[] = {
    {"\"H100\"; \"aws\"", FTC_OK, 6.88}, /* p5.48xlarge 55.04 / 8 */
    {"\"H100\"; \"aws\"; \"on_demand\"", FTC_OK, 6.88},
    {"\"h100\"; \"AWS\"; \"Spot\"", FTC_OK, 2.203613},
    {"\"H100\"; \"lambda\"", FTC_OK, 3.99},
    {"\"H100\"; \"runpod\"", FTC_OK, 3.29},
    {"\"A100-40GB\"; \"gcp\"", FTC_OK, 3.67339},
    {"\"L4\"; \"runpod\"", FTC_OK, 0.49},
    /* RunPod's A100 80GB is the PCIe board: its own entry, not the SXM4 one */
    {"\"A100-80GB-PCIe\"; \"runpod\"", FTC_OK, 1.39},
    {"\"A100-80GB\"; \"runpod\"", FTC_ERR_NO_ANSWER, 0},
    {"\"T4\"; \"azure\"; \"spot\"", FTC_OK, 0.062699},
    /* unknown GPU, provider, or a kind the provider has no price for */
    {"\"H100\"; \"lambda\"; \"spot\"", FTC_ERR_NO_ANSWER, 0},
    {"\"H100\"; \"aws\"; \"reserved_3y\"", FTC_ERR_NO_ANSWER, 0},
    {"\"B300\"; \"aws\"", FTC_ERR_NO_ANSWER, 0},
    {"\"H100\"; \"moon\"", FTC_ERR_NO_ANSWER, 0},
    /* an unknown kind, or nothing named */
    {"\"H100\"; \"aws\"; \"hourly\"", FTC_ERR_INVALID, 0},
    {"\"\"; \"aws\"", FTC_ERR_INVALID, 0},
    {"\"H100\"; \"\"", FTC_ERR_INVALID, 0},
};

/* One case of FN: its number, or its error with a message saying why. */
static void check_gpu_case(const char *fn, const gpu_case *c)
{
    if (c->status == FTC_OK)
        ck_assert_result_number(fn, c->args, c->want);
    else {
        ftc_result r;
        ftc_error e = {.arg = -99};

        ck_assert_int_eq(ftc_test_call(fn, c->args, &r, &e), c->status);
        ck_assert_msg(e.message[0] != '\0', "%s(%s)", fn, c->args);
    }
}

START_TEST(test_gpu_price)
{
    check_gpu_case("GPU_PRICE", &price_cases[_i]);
}
END_TEST

static const gpu_case spec_cases[] = {
    {"\"H100\"; \"memory_gb\"", FTC_OK, 80},
    {"\"H100\"; \"bf16_tflops\"", FTC_OK, 989.5},
    {"\"H100\"; \"watts\"", FTC_OK, 700},
    {"\"h200\"; \"MEMORY_GB\"", FTC_OK, 141},
    {"\"A100-80GB\"; \"bf16_tflops\"", FTC_OK, 312},
    {"\"A100-80GB-PCIe\"; \"watts\"", FTC_OK, 300}, /* the SXM4 board: 400 */
    {"\"A100-80GB-PCIe\"; \"memory_gb\"", FTC_OK, 80},
    {"\"L40S\"; \"bf16_tflops\"", FTC_OK, 362.05},
    {"\"L4\"; \"watts\"", FTC_OK, 72},
    {"\"T4\"; \"memory_gb\"", FTC_OK, 16},
    /* the T4 has no BF16; the A10G's datasheet figures are not published */
    {"\"T4\"; \"bf16_tflops\"", FTC_ERR_NO_ANSWER, 0},
    {"\"A10G\"; \"watts\"", FTC_ERR_NO_ANSWER, 0},
    {"\"A100-80GB-PCIe\"; \"bf16_tflops\"", FTC_ERR_NO_ANSWER, 0}, /* no source read */
    {"\"V100\"; \"watts\"", FTC_ERR_NO_ANSWER, 0},
    {"\"H100\"; \"colour\"", FTC_ERR_INVALID, 0},
    {"\"H100\"; \"\"", FTC_ERR_INVALID, 0},
};

START_TEST(test_gpu_spec)
{
    check_gpu_case("GPU_SPEC", &spec_cases[_i]);
}
END_TEST

static int today(void)
{
    g_autoptr(GDateTime) now = g_date_time_new_now_utc();
    g_autofree char *iso = g_date_time_format(now, "%Y-%m-%d");

    return ftc_date_parse(iso);
}

/* Every entry says where it was read and when, no later than today; the
 * catalogue has the GPUs and providers the sizing template offers. */
START_TEST(test_shipped_entries)
{
    static const char *const gpus[] = {
        "H100", "H200", "A100-80GB", "A100-80GB-PCIe", "A100-40GB", "L40S", "L4", "A10G", "T4"};
    static const char *const providers[] = {"aws", "gcp", "azure", "lambda", "runpod"};
    size_t per_provider[G_N_ELEMENTS(providers)] = {0};
    ftc_price_list *list = ftc_prices_get();
    const int from = 45658; /* 2025-01-01 */

    for (size_t g = 0; g < G_N_ELEMENTS(gpus); g++) {
        const ftc_gpu_spec *s = ftc_price_list_find_gpu(list, gpus[g]);

        ck_assert_msg(s != NULL, "no datasheet for %s", gpus[g]);
        ck_assert(s->spec[FTC_GPU_MEMORY_GB] >= 16 && s->spec[FTC_GPU_MEMORY_GB] <= 141);
    }
    ck_assert_uint_eq(ftc_price_list_gpu_count(list), G_N_ELEMENTS(gpus));
    for (size_t i = 0; i < ftc_price_list_gpu_count(list); i++) {
        const ftc_gpu_spec *s = ftc_price_list_gpu_at(list, i);

        ck_assert_str_eq(s->origin, "shipped");
        ck_assert_msg(s->checked >= from && s->checked <= today(), "%s: checked %d", s->gpu,
                      s->checked);
        ck_assert_msg(g_str_has_prefix(s->source, "https://"), "%s: source %s", s->gpu,
                      s->source);
        ck_assert(s->variant[0] != '\0');
        if (i > 0)
            ck_assert(g_ascii_strcasecmp(ftc_price_list_gpu_at(list, i - 1)->gpu, s->gpu) < 0);
    }
    ck_assert_uint_ge(ftc_price_list_gpu_price_count(list), 16);
    for (size_t i = 0; i < ftc_price_list_gpu_price_count(list); i++) {
        const ftc_gpu_price *p = ftc_price_list_gpu_price_at(list, i);
        bool known = false;

        ck_assert_msg(ftc_price_list_find_gpu(list, p->gpu) != NULL, "%s has no datasheet",
                      p->gpu);
        ck_assert_msg(p->checked >= from && p->checked <= today(), "%s at %s: checked %d",
                      p->gpu, p->provider, p->checked);
        ck_assert_msg(g_str_has_prefix(p->source, "https://"), "%s at %s: source %s", p->gpu,
                      p->provider, p->source);
        ck_assert_msg(p->instance[0] != '\0', "%s at %s: no instance", p->gpu, p->provider);
        ck_assert(!isnan(p->price[FTC_GPU_ON_DEMAND]));
        for (int k = 0; k < FTC_GPU_PRICE_KIND_COUNT; k++)
            ck_assert(isnan(p->price[k]) || (p->price[k] > 0 && p->price[k] < 100));
        /* spot is a discount */
        ck_assert(isnan(p->price[FTC_GPU_SPOT]) ||
                  p->price[FTC_GPU_SPOT] < p->price[FTC_GPU_ON_DEMAND]);
        for (size_t k = 0; k < G_N_ELEMENTS(providers); k++)
            if (strcmp(p->provider, providers[k]) == 0) {
                per_provider[k]++;
                known = true;
            }
        ck_assert_msg(known, "provider %s", p->provider);
        ck_assert_ptr_eq(ftc_price_list_find_gpu_price(list, p->gpu, p->provider), p);
    }
    for (size_t k = 0; k < G_N_ELEMENTS(providers); k++)
        ck_assert_msg(per_provider[k] >= 1, "no prices at %s", providers[k]);
    ftc_price_list_unref(list);
}
END_TEST

/* --- override files ---------------------------------------------------------------- */

static double call(const char *name, const char *args)
{
    ftc_result r;
    ftc_error e;

    return ftc_test_call(name, args, &r, &e) == FTC_OK ? r.number : -1;
}

/* A file with only "gpus": adds a provider, replaces a price as a whole,
 * replaces one GPU's figures; the shipped models still answer. */
START_TEST(test_override)
{
    g_autofree char *dir = ftc_test_make_dir();
    g_autofree char *path = g_build_filename(dir, "gpus.json", NULL);

    ftc_test_write_file(
        path,
        "{\"format\": \"ftcost-prices\", \"version\": 1, \"gpus\": ["
        " {\"gpu\": \"H100\", \"prices\": ["
        "   {\"provider\": \"ourcloud\", \"on_demand\": 2.1, \"reserved_1y\": 1.6,"
        "    \"checked\": \"2026-10-01\", \"source\": \"our quote\"},"
        "   {\"provider\": \"aws\", \"spot\": 2.0, \"checked\": \"2026-10-02\"}]},"
        " {\"gpu\": \"L4\", \"variant\": \"L4 measured\", \"memory_gb\": 24, \"watts\": 75,"
        "  \"checked\": \"2026-10-03\"},"
        " {\"gpu\": \"MI300X\", \"memory_gb\": 192, \"checked\": \"2026-10-04\","
        "  \"prices\": [{\"provider\": \"ourcloud\", \"on_demand\": 3, \"checked\": \"2026-10-04\"}]}"
        "]}",
        -1);
    g_setenv("FTCOST_PRICES", path, TRUE);
    ck_assert_double_eq(call("GPU_PRICE", "\"H100\"; \"ourcloud\""), 2.1);
    ck_assert_double_eq(call("GPU_PRICE", "\"H100\"; \"OurCloud\"; \"reserved_1y\""), 1.6);
    ck_assert_double_eq(call("GPU_PRICE_DATE", "\"H100\"; \"ourcloud\""), 46296);
    /* aws's H100 entry replaced as a whole: its on-demand price is gone */
    ck_assert_double_eq(call("GPU_PRICE", "\"H100\"; \"aws\"; \"spot\""), 2.0);
    ck_assert_double_eq(call("GPU_PRICE", "\"H100\"; \"aws\""), -1);
    ck_assert_double_eq(call("GPU_PRICE", "\"H100\"; \"lambda\""), 3.99);
    /* H100's figures untouched (a prices-only object), L4's replaced */
    ck_assert_double_eq(call("GPU_SPEC", "\"H100\"; \"bf16_tflops\""), 989.5);
    ck_assert_double_eq(call("GPU_SPEC", "\"L4\"; \"watts\""), 75);
    ck_assert_double_eq(call("GPU_SPEC", "\"L4\"; \"bf16_tflops\""), -1);
    ck_assert_double_eq(call("GPU_PRICE", "\"L4\"; \"aws\""), 0.8048);
    ck_assert_double_eq(call("GPU_SPEC", "\"MI300X\"; \"memory_gb\""), 192);
    ck_assert_double_eq(call("GPU_PRICE", "\"MI300X\"; \"ourcloud\""), 3);
    ck_assert_double_eq(call("API_PRICE", "\"gpt-4o\""), 2.5);

    /* changed on disk: read again at the next call */
    ftc_test_write_file(
        path,
        "{\"format\": \"ftcost-prices\", \"version\": 1, \"gpus\": ["
        " {\"gpu\": \"H100\", \"prices\": [{\"provider\": \"ourcloud\", \"on_demand\": 1.9,"
        "   \"checked\": \"2026-11-01\"}]}]}",
        -1);
    g_setenv("FTCOST_PRICES", "", TRUE);
    g_setenv("FTCOST_PRICES", path, TRUE);
    ck_assert_double_eq(call("GPU_PRICE", "\"H100\"; \"ourcloud\""), 1.9);
    ck_assert_double_eq(call("GPU_PRICE", "\"H100\"; \"aws\""), 6.88);
    g_setenv("FTCOST_PRICES", "", TRUE);
    ck_assert_double_eq(call("GPU_PRICE", "\"H100\"; \"ourcloud\""), -1);
    ftc_test_remove_dir(dir);
}
END_TEST

typedef struct {
    const char *label, *gpus, *says;
} bad_case;

#define BAD_FILE(gpus_)                                                                        \
    "{\"format\": \"ftcost-prices\", \"version\": 1, \"models\": "                             \
    "[{\"provider\": \"p\", \"model\": \"m1\", \"input\": 1, \"checked\": \"2026-01-01\"}], "  \
    "\"gpus\": " gpus_ "}"

static const bad_case bad_cases[] = {
    {"gpus not a list", BAD_FILE("{}"), "\"gpus\" must be an array"},
    {"entry not an object", BAD_FILE("[1]"), "gpus[0] is not an object"},
    {"no name", BAD_FILE("[{\"memory_gb\": 80, \"checked\": \"2026-01-01\"}]"),
     "\"gpu\" must be"},
    {"nothing in it", BAD_FILE("[{\"gpu\": \"X\"}]"), "neither datasheet figures nor prices"},
    {"unknown field",
     BAD_FILE("[{\"gpu\": \"X\", \"memory\": 80, \"checked\": \"2026-01-01\"}]"),
     "unknown field \"memory\""},
    {"memory in MB",
     BAD_FILE("[{\"gpu\": \"X\", \"memory_gb\": 81920, \"checked\": \"2026-01-01\"}]"),
     "\"memory_gb\" must be a number above 0"},
    {"figure undated", BAD_FILE("[{\"gpu\": \"X\", \"watts\": 300}]"), "\"checked\" must be"},
    {"negative price",
     BAD_FILE("[{\"gpu\": \"X\", \"prices\": [{\"provider\": \"c\", \"on_demand\": -1, "
              "\"checked\": \"2026-01-01\"}]}]"),
     "must be a price from 0"},
    {"price undated",
     BAD_FILE("[{\"gpu\": \"X\", \"prices\": [{\"provider\": \"c\", \"on_demand\": 1}]}]"),
     "X at c: \"checked\" must be"},
    {"no provider",
     BAD_FILE(
         "[{\"gpu\": \"X\", \"prices\": [{\"on_demand\": 1, \"checked\": \"2026-01-01\"}]}]"),
     "\"provider\" must be"},
    {"unknown kind",
     BAD_FILE("[{\"gpu\": \"X\", \"prices\": [{\"provider\": \"c\", \"hourly\": 1, "
              "\"checked\": \"2026-01-01\"}]}]"),
     "unknown field \"hourly\""},
    {"no price",
     BAD_FILE(
         "[{\"gpu\": \"X\", \"prices\": [{\"provider\": \"c\", \"checked\": \"2026-01-01\"}]}]"),
     "X at c: no price"},
    {"prices not a list", BAD_FILE("[{\"gpu\": \"X\", \"prices\": 3}]"),
     "\"prices\" must be an array"},
    {"zero GPUs an instance",
     BAD_FILE("[{\"gpu\": \"X\", \"prices\": [{\"provider\": \"c\", \"on_demand\": 1, "
              "\"gpus_per_instance\": 0, \"checked\": \"2026-01-01\"}]}]"),
     "\"gpus_per_instance\" must be a count"},
};

/* Ignored as a whole, models included, with one line; the rest answers. */
START_TEST(test_bad_files)
{
    const bad_case *b = &bad_cases[_i];
    g_autofree char *dir = ftc_test_make_dir();
    g_autofree char *path = g_build_filename(dir, "bad.json", NULL);
    g_autofree char *said = NULL;
    ftc_test_capture c;

    ftc_test_write_file(path, b->gpus, -1);
    c = ftc_test_capture_begin();
    g_setenv("FTCOST_PRICES", path, TRUE);
    ck_assert_double_eq(call("GPU_PRICE", "\"H100\"; \"aws\""), 6.88);
    ck_assert_double_eq(call("API_PRICE", "\"m1\""), -1);
    ck_assert_double_eq(call("GPU_SPEC", "\"X\"; \"watts\""), -1);
    said = ftc_test_capture_end(&c);
    g_setenv("FTCOST_PRICES", "", TRUE);
    ck_assert_msg(ftc_test_count_lines(said) == 1, "%s: said %s", b->label, said);
    ck_assert_msg(strstr(said, b->says) != NULL, "%s: said %s, want %s", b->label, said,
                  b->says);
    ftc_test_remove_dir(dir);
}
END_TEST

static Suite *gpus_suite(void)
{
    Suite *s = suite_create("gpus");
    TCase *tc = tcase_create("gpus");

    tcase_add_loop_test(tc, test_gpu_price, 0, G_N_ELEMENTS(price_cases));
    tcase_add_loop_test(tc, test_gpu_spec, 0, G_N_ELEMENTS(spec_cases));
    tcase_add_test(tc, test_shipped_entries);
    tcase_add_test(tc, test_override);
    tcase_add_loop_test(tc, test_bad_files, 0, G_N_ELEMENTS(bad_cases));
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ftc_test_run(gpus_suite());
}
