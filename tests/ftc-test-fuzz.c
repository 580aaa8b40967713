#include "ftc-test-fuzz.h"

#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static uint8_t take_byte(const uint8_t **data, size_t *size)
{
    uint8_t b = 0;

    if (*size > 0) {
        b = **data;
        (*data)++;
        (*size)--;
    }
    return b;
}

static double take_double(const uint8_t **data, size_t *size)
{
    /* Half of the values from the edges, the rest raw bits. */
    static const double edges[] = {
        0.0,    -0.0,   1.0,      -1.0,      0.5, 12,          24,          1200, 1201, 1e308,
        -1e308, 5e-324, INFINITY, -INFINITY, NAN, 0.999999999, 1.000000001, 1e6,  1e15};
    uint8_t mode = take_byte(data, size);
    double x = 0;

    if (mode & 1)
        return edges[(mode >> 1) % G_N_ELEMENTS(edges)];
    for (size_t i = 0; i < sizeof x; i++)
        ((uint8_t *)&x)[i] = take_byte(data, size);
    return x;
}

static const char *broken(const ftc_function *fn, const char *what)
{
    static char message[256];

    snprintf(message, sizeof message, "%s: %s", fn->name, what);
    return message;
}

/* One decoded value for argument i of fn. */
static ftc_value take_value(const ftc_function *fn, size_t i, const uint8_t **data,
                            size_t *size)
{
    static const char *const texts[] = {"",    "input",         "x",           "gpt-4o", "ÄÖÜ€",
                                        "1e3", "openai/gpt-4o", "batch_output"};
    uint8_t kind = take_byte(data, size) % 8;

    if (kind == 0)
        return (ftc_value){.kind = FTC_VALUE_MISSING};
    if (kind == 1 || fn->args[i < fn->n_args ? i : 0].domain == FTC_DOMAIN_TEXT)
        return (ftc_value){.kind = FTC_VALUE_TEXT,
                           .text = texts[take_byte(data, size) % G_N_ELEMENTS(texts)]};
    return (ftc_value){.kind = FTC_VALUE_NUMBER, .number = take_double(data, size)};
}

const char *ftc_test_fuzz_call(const uint8_t *data, size_t size, ftc_status *status)
{
    const ftc_function *fn = ftc_function_at(take_byte(&data, &size) % ftc_function_count());
    ftc_value args[16];
    size_t n = take_byte(&data, &size) % (fn->n_args + 2);
    ftc_result r;
    ftc_error err = {.arg = -99};
    const char *problem = NULL;

    for (size_t i = 0; i < n; i++)
        args[i] = take_value(fn, i, &data, &size);
    *status = ftc_call(fn, args, n, &r, &err);
    switch (*status) {
    case FTC_OK:
        if (r.type != fn->result)
            problem = broken(fn, "result of the wrong type");
        else if (r.type == FTC_TYPE_NUMBER && !isfinite(r.number))
            problem = broken(fn, "a number that is not finite");
        else if (r.type == FTC_TYPE_TEXT && (r.text == NULL || r.text[0] == '\0'))
            problem = broken(fn, "an empty text");
        else if (r.type == FTC_TYPE_ARRAY) {
            if (r.rows == 0 || r.cols == 0 || r.cells == NULL)
                problem = broken(fn, "an empty array");
            for (size_t i = 0; problem == NULL && i < r.rows * r.cols; i++)
                if (!isfinite(r.cells[i]))
                    problem = broken(fn, "an array cell that is not finite");
        } else if (r.type == FTC_TYPE_TEXT_COLUMN) {
            if (r.rows == 0 || r.cols != 1 || r.texts == NULL)
                problem = broken(fn, "an empty column of texts");
            for (size_t i = 0; problem == NULL && i < r.rows; i++)
                if (r.texts[i] == NULL || r.texts[i][0] == '\0' ||
                    !g_utf8_validate(r.texts[i], -1, NULL))
                    problem = broken(fn, "a text of a column that is empty or not UTF-8");
        }
        ftc_result_clear(&r);
        break;
    case FTC_ERR_INVALID:
    case FTC_ERR_NO_ANSWER:
        if (err.arg < -1 || err.arg >= (int)fn->n_args)
            problem = broken(fn, "an error blaming no argument of the function");
        else if (memchr(err.message, '\0', sizeof err.message) == NULL || !err.message[0])
            problem = broken(fn, "an error without a message");
        else if (r.cells != NULL || r.texts != NULL)
            problem = broken(fn, "an error that left an array behind");
        break;
    default:
        problem = broken(fn, "a status outside the enum");
    }
    return problem;
}

const char *ftc_test_fuzz_grid_call(const uint8_t *data, size_t size, ftc_status *status)
{
    enum { MAX_SIDE = 3 };
    const ftc_function *fn = ftc_function_at(take_byte(&data, &size) % ftc_function_count());
    ftc_value cells[16][MAX_SIDE * MAX_SIDE];
    ftc_grid grids[16];
    size_t n = take_byte(&data, &size) % (fn->n_args + 2);
    size_t rows = 1, cols = 1;
    bool pairs = true;
    ftc_grid_result out;
    ftc_error err = {.arg = -99};
    const char *problem = NULL;

    for (size_t i = 0; i < n; i++) {
        uint8_t shape = take_byte(&data, &size);
        size_t r = shape % (MAX_SIDE + 1), c = (shape / (MAX_SIDE + 1)) % (MAX_SIDE + 1);

        for (size_t k = 0; k < r * c; k++)
            cells[i][k] = take_value(fn, i, &data, &size);
        grids[i] = (ftc_grid){r, c, cells[i]};
        /* what the shapes pair to, as FUNCTIONS.md says */
        if (r == 0 || c == 0 || (r != 1 && rows != 1 && r != rows) ||
            (c != 1 && cols != 1 && c != cols))
            pairs = false;
        rows = r > rows ? r : rows;
        cols = c > cols ? c : cols;
    }
    *status = ftc_call_grid(fn, grids, n, &out, &err);
    if (*status == FTC_OK) {
        size_t bad = 0;

        if (!pairs || out.rows != rows || out.cols != cols)
            problem = broken(fn, "a grid of the wrong shape, or shapes that do not pair");
        else if (n > fn->n_args)
            problem = broken(fn, "a grid call with too many arguments");
        for (size_t k = 0; problem == NULL && k < rows * cols; k++) {
            if (out.status[k] > FTC_ERR_NO_ANSWER)
                problem = broken(fn, "an element's status outside the enum");
            else if (out.status[k] != FTC_OK)
                bad++;
            else if (!isfinite(out.numbers[k]))
                problem = broken(fn, "an element that is not finite");
        }
        if (problem == NULL && bad != out.n_errors)
            problem = broken(fn, "a count of bad elements that is wrong");
        ftc_grid_result_clear(&out);
    } else if (*status != FTC_ERR_INVALID)
        problem = broken(fn, "a whole grid call with a status other than Err:502");
    else if (out.numbers != NULL || out.status != NULL)
        problem = broken(fn, "a refused grid call that left results behind");
    else if (memchr(err.message, '\0', sizeof err.message) == NULL || !err.message[0])
        problem = broken(fn, "a refused grid call without a message");
    return problem;
}
