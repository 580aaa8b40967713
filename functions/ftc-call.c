/* ftc-call.c: the one way into a function: arity, defaults, domains,
 * finite results.  Kernels can rely on everything checked here. */
#include "ftcost-private.h"

#include <glib.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

ftc_status ftc_fail(ftc_error *err, ftc_status status, int arg, const char *fmt, ...)
{
    if (err != NULL) {
        va_list ap;

        err->arg = arg;
        va_start(ap, fmt);
        vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
    }
    return status;
}

ftc_status ftc_array(ftc_result *out, size_t rows, size_t cols, ftc_error *err)
{
    out->type = FTC_TYPE_ARRAY;
    out->rows = rows;
    out->cols = cols;
    out->cells = calloc(rows * cols, sizeof *out->cells);
    if (out->cells == NULL) {
        out->rows = out->cols = 0;
        return ftc_fail(err, FTC_ERR_INVALID, -1, "not enough memory for a %zux%zu result",
                        rows, cols);
    }
    return FTC_OK;
}

ftc_status ftc_text_column(ftc_result *out, size_t rows, ftc_error *err)
{
    out->type = FTC_TYPE_TEXT_COLUMN;
    out->texts = rows > 0 ? calloc(rows, sizeof *out->texts) : NULL;
    if (out->texts == NULL)
        return ftc_fail(err, FTC_ERR_INVALID, -1, "not enough memory for %zu texts", rows);
    out->rows = rows;
    out->cols = 1;
    return FTC_OK;
}

void ftc_result_clear(ftc_result *result)
{
    if (result == NULL)
        return;
    for (size_t i = 0; result->texts != NULL && i < result->rows * result->cols; i++)
        free(result->texts[i]);
    free(result->texts);
    free(result->cells);
    memset(result, 0, sizeof *result);
}

bool ftc_domain_contains(ftc_domain domain, double x)
{
    if (!isfinite(x))
        return false;
    switch (domain) {
    case FTC_DOMAIN_NON_NEGATIVE:
        return x >= 0.0;
    case FTC_DOMAIN_POSITIVE:
        return x > 0.0;
    case FTC_DOMAIN_FRACTION:
        return x >= 0.0 && x <= 1.0;
    case FTC_DOMAIN_FRACTION_BELOW_1:
        return x >= 0.0 && x < 1.0;
    case FTC_DOMAIN_FRACTION_ABOVE_0:
        return x > 0.0 && x <= 1.0;
    case FTC_DOMAIN_ABOVE_MINUS_1:
        return x > -1.0;
    case FTC_DOMAIN_AT_LEAST_1:
        return x >= 1.0;
    case FTC_DOMAIN_WHOLE_MONTHS:
        return x >= 1.0 && x <= FTC_MAX_MONTHS && x == floor(x);
    case FTC_DOMAIN_WHOLE_NON_NEGATIVE:
        return x >= 0.0 && x == floor(x);
    case FTC_DOMAIN_TEXT:
    case FTC_DOMAIN_LAST:
        break;
    }
    return false;
}

bool ftc_domain_get_limits(ftc_domain domain, ftc_domain_limits *out)
{
    ftc_domain_limits l = {.low = NAN, .high = NAN};

    switch (domain) {
    case FTC_DOMAIN_NON_NEGATIVE:
        l.low = 0.0, l.low_included = true;
        break;
    case FTC_DOMAIN_POSITIVE:
        l.low = 0.0;
        break;
    case FTC_DOMAIN_FRACTION:
        l.low = 0.0, l.low_included = true, l.high = 1.0, l.high_included = true;
        break;
    case FTC_DOMAIN_FRACTION_BELOW_1:
        l.low = 0.0, l.low_included = true, l.high = 1.0;
        break;
    case FTC_DOMAIN_FRACTION_ABOVE_0:
        l.low = 0.0, l.high = 1.0, l.high_included = true;
        break;
    case FTC_DOMAIN_ABOVE_MINUS_1:
        l.low = -1.0;
        break;
    case FTC_DOMAIN_AT_LEAST_1:
        l.low = 1.0, l.low_included = true;
        break;
    case FTC_DOMAIN_WHOLE_MONTHS:
        l.low = 1.0, l.low_included = true, l.high = FTC_MAX_MONTHS, l.high_included = true;
        l.whole = true;
        break;
    case FTC_DOMAIN_WHOLE_NON_NEGATIVE:
        l.low = 0.0, l.low_included = true, l.whole = true;
        break;
    case FTC_DOMAIN_TEXT:
    case FTC_DOMAIN_LAST:
        return false;
    }
    *out = l;
    return true;
}

/* A choice argument: its word's index goes to v->number. */
static bool find_choice(const char *const *choices, ftc_value *v)
{
    for (size_t i = 0; choices[i] != NULL; i++)
        if (g_ascii_strcasecmp(choices[i], v->text) == 0) {
            v->number = (double)i;
            return true;
        }
    return false;
}

/* "\"full\", \"lora\", \"qlora\"" for an error message. */
static const char *choice_list(const char *const *choices, char *buf, size_t size)
{
    size_t len = 0;

    buf[0] = '\0';
    for (size_t i = 0; choices[i] != NULL && len < size; i++)
        len +=
            (size_t)snprintf(buf + len, size - len, "%s\"%s\"", i > 0 ? ", " : "", choices[i]);
    return buf;
}

/* Fills v[] (fn->n_args entries) from the caller's arguments. */
static ftc_status resolve_args(const ftc_function *fn, const ftc_value *args, size_t n_args,
                               ftc_value *v, ftc_error *err)
{
    static const ftc_value missing = {.kind = FTC_VALUE_MISSING};

    if (n_args > fn->n_args || fn->n_args > FTC_MAX_ARGS)
        return ftc_fail(err, FTC_ERR_INVALID, -1, "%s takes at most %zu arguments, not %zu",
                        fn->name, fn->n_args, n_args);
    if (n_args > 0 && args == NULL)
        return ftc_fail(err, FTC_ERR_INVALID, -1, "%s: no arguments given", fn->name);

    for (size_t i = 0; i < fn->n_args; i++) {
        const ftc_arg_info *info = &fn->args[i];
        const char *name = info->name.en;
        const ftc_value *given = i < n_args ? &args[i] : &missing;

        if (given->kind == FTC_VALUE_MISSING) {
            if (!info->optional)
                return ftc_fail(err, FTC_ERR_INVALID, (int)i, "%s: %s is required", fn->name,
                                name);
            /* Defaults that name another argument only name earlier ones. */
            if (info->default_arg >= 0)
                v[i] = v[info->default_arg];
            else if (info->domain == FTC_DOMAIN_TEXT) {
                v[i] =
                    (ftc_value){.kind = FTC_VALUE_TEXT,
                                .text = info->default_text != NULL ? info->default_text : ""};
                if (info->choices != NULL)
                    find_choice(info->choices, &v[i]);
            } else
                v[i] = (ftc_value){.kind = FTC_VALUE_NUMBER, .number = info->default_value};
            continue;
        }
        if (info->domain == FTC_DOMAIN_TEXT) {
            if (given->kind != FTC_VALUE_TEXT || given->text == NULL)
                return ftc_fail(err, FTC_ERR_INVALID, (int)i, "%s: %s must be text", fn->name,
                                name);
            v[i] = *given;
            if (info->choices != NULL && !find_choice(info->choices, &v[i])) {
                char words[FTC_ERROR_MESSAGE_MAX / 2];

                return ftc_fail(err, FTC_ERR_INVALID, (int)i,
                                "%s: %s must be one of %s (got \"%.40s\")", fn->name, name,
                                choice_list(info->choices, words, sizeof words), given->text);
            }
            continue;
        }
        if (given->kind != FTC_VALUE_NUMBER)
            return ftc_fail(err, FTC_ERR_INVALID, (int)i, "%s: %s must be a number, not text",
                            fn->name, name);
        if (!ftc_domain_contains(info->domain, given->number))
            return ftc_fail(err, FTC_ERR_INVALID, (int)i, "%s: %s must be %s (got %.17g)",
                            fn->name, name, ftc_domain_label(info->domain, FTC_LANG_EN),
                            given->number);
        v[i] = *given;
        /* -0 is a valid 0 but must not leak into a result as "-0". */
        v[i].number += 0.0;
    }
    return FTC_OK;
}

/* Large but valid inputs can still overflow (1e308 * 24): Err:502, never an
 * infinity that Calc would show as a number error of its own. */
static ftc_status check_finite(const ftc_function *fn, ftc_result *out, ftc_error *err)
{
    size_t n = out->type == FTC_TYPE_ARRAY ? out->rows * out->cols : 0;
    bool finite = out->type != FTC_TYPE_NUMBER || isfinite(out->number);

    for (size_t i = 0; finite && i < n; i++)
        finite = isfinite(out->cells[i]);
    if (finite) {
        out->number += 0.0;
        return FTC_OK;
    }
    ftc_result_clear(out);
    return ftc_fail(err, FTC_ERR_INVALID, -1,
                    "%s: the result is too large to represent; check the magnitudes "
                    "of the arguments",
                    fn->name);
}

ftc_status ftc_call(const ftc_function *fn, const ftc_value *args, size_t n_args,
                    ftc_result *out, ftc_error *err)
{
    ftc_value v[FTC_MAX_ARGS];
    ftc_status st;

    if (out == NULL)
        return ftc_fail(err, FTC_ERR_INVALID, -1, "no place for the result");
    memset(out, 0, sizeof *out);
    if (fn == NULL)
        return ftc_fail(err, FTC_ERR_INVALID, -1, "no such function");

    st = resolve_args(fn, args, n_args, v, err);
    if (st != FTC_OK)
        return st;
    st = fn->eval(v, out, err);
    if (st != FTC_OK) {
        ftc_result_clear(out);
        return st;
    }
    return check_finite(fn, out, err);
}

void ftc_grid_result_clear(ftc_grid_result *result)
{
    if (result == NULL)
        return;
    free(result->numbers);
    free(result->status);
    memset(result, 0, sizeof *result);
}

/* The result's extent along one dimension: every argument's is 1 or the
 * same n. */
static bool pair_extent(size_t *extent, size_t n)
{
    if (n == 1 || n == *extent)
        return true;
    if (*extent == 1) {
        *extent = n;
        return true;
    }
    return false;
}

ftc_status ftc_call_grid(const ftc_function *fn, const ftc_grid *args, size_t n_args,
                         ftc_grid_result *out, ftc_error *err)
{
    size_t rows = 1, cols = 1;
    ftc_value v[FTC_MAX_ARGS];

    if (out == NULL)
        return ftc_fail(err, FTC_ERR_INVALID, -1, "no place for the result");
    memset(out, 0, sizeof *out);
    if (fn == NULL)
        return ftc_fail(err, FTC_ERR_INVALID, -1, "no such function");
    if (n_args > fn->n_args || n_args > FTC_MAX_ARGS)
        return ftc_fail(err, FTC_ERR_INVALID, -1, "%s takes at most %zu arguments, not %zu",
                        fn->name, fn->n_args, n_args);
    if (n_args > 0 && args == NULL)
        return ftc_fail(err, FTC_ERR_INVALID, -1, "%s: no arguments given", fn->name);
    for (size_t i = 0; i < n_args; i++) {
        const char *name = fn->args[i].name.en;

        if (args[i].rows == 0 || args[i].cols == 0 || args[i].cells == NULL)
            return ftc_fail(err, FTC_ERR_INVALID, (int)i, "%s: %s is an empty array", fn->name,
                            name);
        if (!pair_extent(&rows, args[i].rows) || !pair_extent(&cols, args[i].cols))
            return ftc_fail(err, FTC_ERR_INVALID, (int)i,
                            "%s: %s is %zu x %zu, which does not pair with %zu x %zu", fn->name,
                            name, args[i].rows, args[i].cols, rows, cols);
    }
    if ((rows > 1 || cols > 1) && fn->result != FTC_TYPE_NUMBER)
        return ftc_fail(err, FTC_ERR_INVALID, -1,
                        "%s returns %s: its arguments must be single values", fn->name,
                        fn->result == FTC_TYPE_TEXT ? "text" : "an array");
    if (rows > FTC_GRID_MAX_CELLS / cols)
        return ftc_fail(err, FTC_ERR_INVALID, -1,
                        "%s: %zu x %zu results are more than one call makes (%zu)", fn->name,
                        rows, cols, FTC_GRID_MAX_CELLS);
    out->numbers = calloc(rows * cols, sizeof *out->numbers);
    out->status = calloc(rows * cols, sizeof *out->status);
    if (out->numbers == NULL || out->status == NULL) {
        ftc_grid_result_clear(out);
        return ftc_fail(err, FTC_ERR_INVALID, -1, "%s: not enough memory for %zu x %zu results",
                        fn->name, rows, cols);
    }
    out->rows = rows;
    out->cols = cols;
    for (size_t r = 0; r < rows; r++)
        for (size_t c = 0; c < cols; c++) {
            size_t k = r * cols + c;
            ftc_result res;
            ftc_error e;
            ftc_status st;

            for (size_t i = 0; i < n_args; i++) {
                const ftc_grid *g = &args[i];

                v[i] = g->cells[(g->rows == 1 ? 0 : r) * g->cols + (g->cols == 1 ? 0 : c)];
            }
            st = ftc_call(fn, v, n_args, &res, &e);
            if (st == FTC_OK && res.type == FTC_TYPE_NUMBER) {
                out->numbers[k] = res.number;
                continue;
            }
            if (st == FTC_OK) { /* a 1 x 1 call of an array or text function */
                ftc_result_clear(&res);
                st = ftc_fail(&e, FTC_ERR_INVALID, -1, "%s does not return a number", fn->name);
            }
            out->status[k] = (unsigned char)st;
            if (out->n_errors++ == 0)
                out->first_error = e;
        }
    return FTC_OK;
}
