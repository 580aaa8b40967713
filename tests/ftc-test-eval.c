/* ftc-test-eval.c: the OpenFormula subset of the share expansions,
 * evaluated (see ftc-test-eval.h).  A recursive-descent parser that
 * evaluates as it reads; every value is a matrix (a scalar is 1 x 1), and
 * operators and one-value functions go element by element, a dimension of
 * 1 repeated along the other operand's, as Calc does in an array formula.
 * IF evaluates both branches: the formulas have no side effects. */
#include "ftc-test-eval.h"

#include <math.h>
#include <string.h>

typedef struct {
    size_t rows, cols;
    ftc_ev_cell *c;
    bool ref;          /* a reference: ISREF, ROW */
    size_t row0, col0; /* a reference's first cell */
} value;

typedef struct {
    const char *p;
    ftc_ev_sheet_fn sheet;
    void *data;
    GStringChunk *texts;
    GPtrArray *allocs; /* every matrix of this evaluation */
    GString *why;
    bool failed;
    double (*math)(double); /* the one-number function being mapped */
} parser;

static const ftc_ev_cell na_cell = {.kind = FTC_EV_ERROR, .error = FTC_EV_NA};

const char *ftc_ev_error_name(ftc_ev_error error)
{
    static const char *const names[] = {"?", "#N/A", "#DIV/0!", "#VALUE!", "#NUM!"};

    return (size_t)error < G_N_ELEMENTS(names) ? names[error] : "?";
}

static value make(parser *ps, size_t rows, size_t cols)
{
    value v = {.rows = rows, .cols = cols};

    v.c = g_new(ftc_ev_cell, rows * cols); /* every caller fills every cell */
    g_ptr_array_add(ps->allocs, v.c);
    return v;
}

static value number(parser *ps, double x)
{
    value v = make(ps, 1, 1);

    v.c[0] = (ftc_ev_cell){.kind = FTC_EV_NUMBER, .number = x};
    return v;
}

static ftc_ev_cell error_cell(ftc_ev_error e)
{
    return (ftc_ev_cell){.kind = FTC_EV_ERROR, .error = e};
}

static ftc_ev_cell number_cell(double x)
{
    if (isnan(x) || isinf(x))
        return error_cell(FTC_EV_NUM);
    return (ftc_ev_cell){.kind = FTC_EV_NUMBER, .number = x + 0.0};
}

static value fail(parser *ps, const char *message)
{
    if (!ps->failed)
        g_string_printf(ps->why, "%s at \"%.30s\"", message, ps->p);
    ps->failed = true;
    return number(ps, 0);
}

/* Element (r, c) of v, a dimension of 1 repeated; #N/A beyond it. */
static const ftc_ev_cell *at(const value *v, size_t r, size_t c)
{
    size_t rr = v->rows == 1 ? 0 : r, cc = v->cols == 1 ? 0 : c;

    if (rr >= v->rows || cc >= v->cols)
        return &na_cell;
    return &v->c[rr * v->cols + cc];
}

static size_t joined(size_t a, size_t b)
{
    return a == 1 ? b : b == 1 ? a : MAX(a, b);
}

/* A cell as a number: an empty cell is 0, a text #VALUE!. */
static bool as_number(const ftc_ev_cell *c, double *x, ftc_ev_cell *err)
{
    switch (c->kind) {
    case FTC_EV_NUMBER:
        *x = c->number;
        return true;
    case FTC_EV_BLANK:
        *x = 0;
        return true;
    case FTC_EV_TEXT:
        *err = error_cell(FTC_EV_VALUE);
        return false;
    case FTC_EV_ERROR:
        *err = *c;
        return false;
    }
    return false;
}

static void skip_spaces(parser *ps)
{
    while (*ps->p == ' ')
        ps->p++;
}

static bool accept(parser *ps, const char *token)
{
    skip_spaces(ps);
    if (strncmp(ps->p, token, strlen(token)) != 0)
        return false;
    ps->p += strlen(token);
    return true;
}

static value expression(parser *ps);

/* --- operators ------------------------------------------------------------ */

static int compare(const ftc_ev_cell *a, const ftc_ev_cell *b)
{
    bool ta = a->kind == FTC_EV_TEXT, tb = b->kind == FTC_EV_TEXT;
    double x = a->kind == FTC_EV_NUMBER ? a->number : 0;
    double y = b->kind == FTC_EV_NUMBER ? b->number : 0;

    if (ta || tb) {
        if (ta != tb)
            return ta ? 1 : -1;
        return g_ascii_strcasecmp(a->text, b->text);
    }
    return x < y ? -1 : x > y;
}

/* Two numbers, the common case, without looking the operator up again. */
static ftc_ev_cell arithmetic(char op, double x, double y)
{
    switch (op) {
    case '+':
        return number_cell(x + y);
    case '-':
        return number_cell(x - y);
    case '*':
        return number_cell(x * y);
    case '/':
        return y == 0 ? error_cell(FTC_EV_DIV0) : number_cell(x / y);
    default:
        return number_cell(pow(x, y));
    }
}

static ftc_ev_cell binary_cell(parser *ps, const char *op, const ftc_ev_cell *a,
                               const ftc_ev_cell *b)
{
    ftc_ev_cell err;
    double x, y;
    int cmp;

    if (a->kind == FTC_EV_ERROR)
        return *a;
    if (b->kind == FTC_EV_ERROR)
        return *b;
    if (op[0] == '&') {
        char buf[2][G_ASCII_DTOSTR_BUF_SIZE];
        const ftc_ev_cell *ab[2] = {a, b};
        const char *s[2];

        for (int i = 0; i < 2; i++)
            s[i] = ab[i]->kind == FTC_EV_TEXT ? ab[i]->text
                   : ab[i]->kind == FTC_EV_BLANK
                       ? ""
                       : g_ascii_dtostr(buf[i], sizeof buf[i], ab[i]->number);
        g_autofree char *both = g_strconcat(s[0], s[1], NULL);

        return (ftc_ev_cell){.kind = FTC_EV_TEXT,
                             .text = g_string_chunk_insert(ps->texts, both)};
    }
    if (strchr("=<>", op[0]) != NULL) {
        cmp = compare(a, b);
        if (strcmp(op, "=") == 0)
            return number_cell(cmp == 0);
        if (strcmp(op, "<>") == 0)
            return number_cell(cmp != 0);
        if (strcmp(op, "<=") == 0)
            return number_cell(cmp <= 0);
        if (strcmp(op, ">=") == 0)
            return number_cell(cmp >= 0);
        return number_cell(op[0] == '<' ? cmp < 0 : cmp > 0);
    }
    if (!as_number(a, &x, &err) || !as_number(b, &y, &err))
        return err;
    return arithmetic(op[0], x, y);
}

static value binary(parser *ps, const char *op, value a, value b)
{
    value v = make(ps, joined(a.rows, b.rows), joined(a.cols, b.cols));
    bool arith = strchr("+-*/^", op[0]) != NULL;

    for (size_t r = 0; r < v.rows; r++)
        for (size_t c = 0; c < v.cols; c++) {
            const ftc_ev_cell *x = at(&a, r, c), *y = at(&b, r, c);

            v.c[r * v.cols + c] = arith && x->kind == FTC_EV_NUMBER && y->kind == FTC_EV_NUMBER
                                      ? arithmetic(op[0], x->number, y->number)
                                      : binary_cell(ps, op, x, y);
        }
    return v;
}

/* One level of left-associative binary operators, `ops` longest first. */
static value level(parser *ps, const char *const *ops, value (*next)(parser *))
{
    value v = next(ps);

    for (;;) {
        const char *op = NULL;

        for (size_t i = 0; ops[i] != NULL && op == NULL; i++)
            if (accept(ps, ops[i]))
                op = ops[i];
        if (op == NULL || ps->failed)
            return v;
        v = binary(ps, op, v, next(ps));
    }
}

/* --- primaries ------------------------------------------------------------ */

/* "$A$12" at p: 0-based column and row; false when it is not a cell. */
static bool cell_address(parser *ps, size_t *col, size_t *row)
{
    size_t c = 0, r = 0;
    const char *start;

    if (*ps->p == '$')
        ps->p++;
    for (start = ps->p; g_ascii_isalpha(*ps->p); ps->p++)
        c = c * 26 + (size_t)(g_ascii_toupper(*ps->p) - 'A' + 1);
    if (ps->p == start)
        return false;
    if (*ps->p == '$')
        ps->p++;
    for (start = ps->p; g_ascii_isdigit(*ps->p); ps->p++)
        r = r * 10 + (size_t)(*ps->p - '0');
    if (ps->p == start || r == 0)
        return false;
    *col = c - 1;
    *row = r - 1;
    return true;
}

/* [.A1], [$S.$A$1:.$A$9]: one sheet, unquoted names. */
static value reference(parser *ps)
{
    g_autofree char *sheet = NULL;
    const char *dot;
    size_t c0, r0, c1, r1;
    value v;

    if (*ps->p == '$')
        ps->p++;
    if ((dot = strchr(ps->p, '.')) == NULL)
        return fail(ps, "a reference without a sheet's dot");
    sheet = g_strndup(ps->p, (size_t)(dot - ps->p));
    ps->p = dot + 1;
    if (!cell_address(ps, &c0, &r0))
        return fail(ps, "not a cell address");
    c1 = c0;
    r1 = r0;
    if (*ps->p == ':' && (ps->p[1] != '.' || (ps->p += 2, !cell_address(ps, &c1, &r1))))
        return fail(ps, "not a range on one sheet");
    if (*ps->p++ != ']' || c1 < c0 || r1 < r0)
        return fail(ps, "a malformed reference");
    v = make(ps, r1 - r0 + 1, c1 - c0 + 1);
    v.ref = true;
    v.row0 = r0;
    v.col0 = c0;
    for (size_t r = 0; r < v.rows; r++)
        for (size_t c = 0; c < v.cols; c++) {
            const ftc_ev_cell *cell = ps->sheet(sheet, c0 + c, r0 + r, ps->data);

            v.c[r * v.cols + c] = cell != NULL ? *cell : (ftc_ev_cell){.kind = FTC_EV_BLANK};
            if (cell != NULL && cell->kind == FTC_EV_TEXT)
                v.c[r * v.cols + c].text = g_string_chunk_insert(ps->texts, cell->text);
        }
    return v;
}

/* {1;2|3;4}: numbers only, ';' between columns, '|' between rows. */
static value inline_array(parser *ps)
{
    GArray *cells = g_array_new(FALSE, FALSE, sizeof(double));
    size_t cols = 0, rows = 1, col = 0;
    value v;

    for (;;) {
        char *end;
        double x = g_ascii_strtod(ps->p, &end);

        if (end == ps->p) {
            g_array_free(cells, TRUE);
            return fail(ps, "an inline array of numbers only");
        }
        g_array_append_val(cells, x);
        ps->p = end;
        col++;
        if (*ps->p == ';') {
            ps->p++;
            continue;
        }
        if (cols != 0 && col != cols)
            break;
        cols = col;
        if (*ps->p != '|')
            break;
        ps->p++;
        rows++;
        col = 0;
    }
    if (*ps->p++ != '}' || col != cols) {
        g_array_free(cells, TRUE);
        return fail(ps, "a ragged or unclosed inline array");
    }
    v = make(ps, rows, cols);
    for (size_t i = 0; i < rows * cols; i++)
        v.c[i] = number_cell(g_array_index(cells, double, i));
    g_array_free(cells, TRUE);
    return v;
}

/* --- functions -------------------------------------------------------------- */

typedef ftc_ev_cell (*cell_fn)(parser *ps, const ftc_ev_cell *a, const ftc_ev_cell *b);

/* f element by element over one or two arguments. */
static value map(parser *ps, cell_fn f, const value *a, const value *b)
{
    value v = make(ps, b != NULL ? joined(a->rows, b->rows) : a->rows,
                   b != NULL ? joined(a->cols, b->cols) : a->cols);

    for (size_t r = 0; r < v.rows; r++)
        for (size_t c = 0; c < v.cols; c++)
            v.c[r * v.cols + c] = f(ps, at(a, r, c), b != NULL ? at(b, r, c) : NULL);
    return v;
}

static ftc_ev_cell is_number(parser *ps, const ftc_ev_cell *a, const ftc_ev_cell *b)
{
    (void)ps, (void)b;
    return number_cell(a->kind == FTC_EV_NUMBER);
}

static ftc_ev_cell is_blank(parser *ps, const ftc_ev_cell *a, const ftc_ev_cell *b)
{
    (void)ps, (void)b;
    return number_cell(a->kind == FTC_EV_BLANK);
}

static ftc_ev_cell is_text(parser *ps, const ftc_ev_cell *a, const ftc_ev_cell *b)
{
    (void)ps, (void)b;
    return number_cell(a->kind == FTC_EV_TEXT);
}

static ftc_ev_cell lower(parser *ps, const ftc_ev_cell *a, const ftc_ev_cell *b)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    g_autofree char *low = NULL;

    (void)b;
    if (a->kind == FTC_EV_ERROR)
        return *a;
    low =
        g_ascii_strdown(a->kind == FTC_EV_TEXT    ? a->text
                        : a->kind == FTC_EV_BLANK ? ""
                                                  : g_ascii_dtostr(buf, sizeof buf, a->number),
                        -1);
    return (ftc_ev_cell){.kind = FTC_EV_TEXT, .text = g_string_chunk_insert(ps->texts, low)};
}

/* One-number functions: the name's f applied, or an error cell. */
static const struct {
    const char *name;
    double (*f)(double);
} math_fns[] = {{"INT", floor}, {"EXP", exp}, {"LN", log}, {"ABS", fabs}, {"TANH", tanh}};

static ftc_ev_cell apply_math(parser *ps, const ftc_ev_cell *a, const ftc_ev_cell *b)
{
    ftc_ev_cell err;
    double x;

    (void)b;
    if (!as_number(a, &x, &err))
        return err;
    if (ps->math == log && x <= 0)
        return error_cell(FTC_EV_NUM);
    return number_cell(ps->math(x));
}

static ftc_ev_cell round_cell(const ftc_ev_cell *a, const ftc_ev_cell *b, bool up)
{
    ftc_ev_cell err;
    double x, d, scale;

    if (!as_number(a, &x, &err) || !as_number(b, &d, &err))
        return err;
    scale = pow(10, trunc(d));
    x *= scale;
    x = up ? (x >= 0 ? ceil(x) : floor(x)) : round(x);
    return number_cell(x / scale);
}

static ftc_ev_cell round_near(parser *ps, const ftc_ev_cell *a, const ftc_ev_cell *b)
{
    (void)ps;
    return round_cell(a, b, false);
}

static ftc_ev_cell round_up(parser *ps, const ftc_ev_cell *a, const ftc_ev_cell *b)
{
    (void)ps;
    return round_cell(a, b, true);
}

static ftc_ev_cell not_cell(parser *ps, const ftc_ev_cell *a, const ftc_ev_cell *b)
{
    ftc_ev_cell err;
    double x;

    (void)ps, (void)b;
    return as_number(a, &x, &err) ? number_cell(x == 0) : err;
}

/* The numbers of all the arguments' cells (texts and empty cells left
 * out); false, with the first error in *err, when a cell holds one. */
static bool numbers_of(const value *args, size_t n, GArray *out, ftc_ev_cell *err)
{
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < args[i].rows * args[i].cols; k++) {
            const ftc_ev_cell *c = &args[i].c[k];

            if (c->kind == FTC_EV_ERROR) {
                *err = *c;
                return false;
            }
            if (c->kind == FTC_EV_NUMBER)
                g_array_append_val(out, c->number);
        }
    return true;
}

static int by_size_down(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return x > y ? -1 : x < y;
}

/* MIN, MAX, AND, OR, LARGE, SUMPRODUCT. */
static ftc_ev_cell aggregate(const char *name, const value *args, size_t n)
{
    g_autoptr(GArray) xs = g_array_new(FALSE, FALSE, sizeof(double));
    ftc_ev_cell err;
    double r;

    if (strcmp(name, "SUMPRODUCT") == 0) {
        r = 0;
        for (size_t i = 1; i < n; i++)
            if (args[i].rows != args[0].rows || args[i].cols != args[0].cols)
                return error_cell(FTC_EV_VALUE);
        for (size_t k = 0; k < args[0].rows * args[0].cols; k++) {
            double p = 1;

            for (size_t i = 0; i < n; i++) {
                const ftc_ev_cell *c = &args[i].c[k];

                if (c->kind == FTC_EV_ERROR)
                    return *c;
                p *= c->kind == FTC_EV_NUMBER ? c->number : 0;
            }
            r += p;
        }
        return number_cell(r);
    }
    if (strcmp(name, "LARGE") == 0) {
        double k;

        if (n != 2 || !numbers_of(args, 1, xs, &err) || !as_number(&args[1].c[0], &k, &err))
            return n != 2 ? error_cell(FTC_EV_VALUE) : err;
        if (k < 1 || k > xs->len)
            return error_cell(FTC_EV_NUM);
        g_array_sort(xs, by_size_down);
        return number_cell(g_array_index(xs, double, (size_t)k - 1));
    }
    if (!numbers_of(args, n, xs, &err))
        return err;
    if (xs->len == 0)
        return strcmp(name, "MIN") == 0 || strcmp(name, "MAX") == 0 ? number_cell(0)
                                                                    : error_cell(FTC_EV_VALUE);
    r = g_array_index(xs, double, 0);
    for (guint i = 1; i < xs->len; i++) {
        double x = g_array_index(xs, double, i);

        if (strcmp(name, "MIN") == 0)
            r = MIN(r, x);
        else if (strcmp(name, "MAX") == 0)
            r = MAX(r, x);
        else if (strcmp(name, "AND") == 0)
            r = r != 0 && x != 0;
        else
            r = r != 0 || x != 0;
    }
    return number_cell(strcmp(name, "AND") == 0 || strcmp(name, "OR") == 0 ? r != 0 : r);
}

static value if_function(parser *ps, const value *a, size_t n)
{
    value no = n == 3 ? a[2] : number(ps, 0);
    value v = make(ps, joined(joined(a[0].rows, a[1].rows), no.rows),
                   joined(joined(a[0].cols, a[1].cols), no.cols));

    for (size_t r = 0; r < v.rows; r++)
        for (size_t c = 0; c < v.cols; c++) {
            ftc_ev_cell err;
            double x;

            v.c[r * v.cols + c] = !as_number(at(&a[0], r, c), &x, &err) ? err
                                  : x != 0                              ? *at(&a[1], r, c)
                                                                        : *at(&no, r, c);
        }
    return v;
}

static value call(parser *ps, const char *name)
{
    value a[64]; /* a guard's AND takes a few per argument */
    size_t n = 0;

    if (!accept(ps, ")")) {
        do {
            if (n == G_N_ELEMENTS(a))
                return fail(ps, "too many arguments");
            a[n++] = expression(ps);
            if (ps->failed)
                return a[0];
        } while (accept(ps, ";"));
        if (!accept(ps, ")"))
            return fail(ps, "')' missing after the arguments");
    }
    if (strcmp(name, "NA") == 0 && n == 0) {
        value v = make(ps, 1, 1);

        v.c[0] = na_cell;
        return v;
    }
    if (strcmp(name, "IF") == 0 && (n == 2 || n == 3))
        return if_function(ps, a, n);
    if (n == 1 && strcmp(name, "ISNUMBER") == 0)
        return map(ps, is_number, &a[0], NULL);
    if (n == 1 && strcmp(name, "ISBLANK") == 0)
        return map(ps, is_blank, &a[0], NULL);
    if (n == 1 && strcmp(name, "ISTEXT") == 0)
        return map(ps, is_text, &a[0], NULL);
    if (n == 1 && strcmp(name, "LOWER") == 0)
        return map(ps, lower, &a[0], NULL);
    if (n == 1 && strcmp(name, "NOT") == 0)
        return map(ps, not_cell, &a[0], NULL);
    if (n == 1 && strcmp(name, "ISREF") == 0)
        return number(ps, a[0].ref);
    if (n == 1 && strcmp(name, "ROWS") == 0)
        return number(ps, (double)a[0].rows);
    if (n == 1 && strcmp(name, "COLUMNS") == 0)
        return number(ps, (double)a[0].cols);
    if (n == 1 && strcmp(name, "ROW") == 0 && a[0].ref) {
        value v = make(ps, a[0].rows, 1);

        for (size_t r = 0; r < v.rows; r++)
            v.c[r] = number_cell((double)(a[0].row0 + r + 1));
        return v;
    }
    if (n == 2 && strcmp(name, "ROUND") == 0)
        return map(ps, round_near, &a[0], &a[1]);
    if (n == 2 && strcmp(name, "ROUNDUP") == 0)
        return map(ps, round_up, &a[0], &a[1]);
    for (size_t i = 0; n == 1 && i < G_N_ELEMENTS(math_fns); i++)
        if (strcmp(name, math_fns[i].name) == 0) {
            ps->math = math_fns[i].f;
            return map(ps, apply_math, &a[0], NULL);
        }
    if (n >= 1 && (strcmp(name, "MIN") == 0 || strcmp(name, "MAX") == 0 ||
                   strcmp(name, "AND") == 0 || strcmp(name, "OR") == 0 ||
                   strcmp(name, "LARGE") == 0 || strcmp(name, "SUMPRODUCT") == 0)) {
        value v = make(ps, 1, 1);

        v.c[0] = aggregate(name, a, n);
        return v;
    }
    return fail(ps, "a function this evaluator does not know, or a wrong count");
}

static value primary(parser *ps)
{
    const char *start;
    char *end;
    value v;

    skip_spaces(ps);
    if (*ps->p == '(') {
        ps->p++;
        v = expression(ps);
        if (!accept(ps, ")"))
            return fail(ps, "')' missing");
        return v;
    }
    if (*ps->p == '[') {
        ps->p++;
        return reference(ps);
    }
    if (*ps->p == '{') {
        ps->p++;
        return inline_array(ps);
    }
    if (*ps->p == '"') {
        GString *s = g_string_new(NULL);

        for (ps->p++; *ps->p != '\0'; ps->p++) {
            if (*ps->p == '"' && ps->p[1] != '"')
                break;
            if (*ps->p == '"')
                ps->p++;
            g_string_append_c(s, *ps->p);
        }
        if (*ps->p++ != '"') {
            g_string_free(s, TRUE);
            return fail(ps, "an unterminated string");
        }
        v = make(ps, 1, 1);
        v.c[0] = (ftc_ev_cell){.kind = FTC_EV_TEXT,
                               .text = g_string_chunk_insert(ps->texts, s->str)};
        g_string_free(s, TRUE);
        return v;
    }
    if (g_ascii_isdigit(*ps->p) || *ps->p == '.') {
        double x = g_ascii_strtod(ps->p, &end);

        ps->p = end;
        return number(ps, x);
    }
    for (start = ps->p; g_ascii_isalnum(*ps->p) || *ps->p == '_' || *ps->p == '.';)
        ps->p++;
    if (ps->p == start)
        return fail(ps, "an operand expected");
    {
        g_autofree char *name = g_ascii_strup(start, (gssize)(ps->p - start));

        if (!accept(ps, "("))
            return fail(ps, "a name that is not a call");
        return call(ps, name);
    }
}

static value unary(parser *ps)
{
    if (accept(ps, "-"))
        return binary(ps, "-", number(ps, 0), unary(ps));
    if (accept(ps, "+"))
        return unary(ps);
    return primary(ps);
}

static value power(parser *ps)
{
    static const char *const ops[] = {"^", NULL};

    return level(ps, ops, unary);
}

static value product(parser *ps)
{
    static const char *const ops[] = {"*", "/", NULL};

    return level(ps, ops, power);
}

static value sum(parser *ps)
{
    static const char *const ops[] = {"+", "-", NULL};

    return level(ps, ops, product);
}

static value concatenation(parser *ps)
{
    static const char *const ops[] = {"&", NULL};

    return level(ps, ops, sum);
}

static value expression(parser *ps)
{
    static const char *const ops[] = {"<>", "<=", ">=", "=", "<", ">", NULL};

    return level(ps, ops, concatenation);
}

bool ftc_ev_evaluate(const char *formula, ftc_ev_sheet_fn sheet, void *data, ftc_ev_result *out,
                     GString *why)
{
    parser ps = {.p = formula,
                 .sheet = sheet,
                 .data = data,
                 .texts = g_string_chunk_new(256),
                 .allocs = g_ptr_array_new_with_free_func(g_free),
                 .why = why};
    value v = expression(&ps);

    skip_spaces(&ps);
    if (!ps.failed && *ps.p != '\0')
        fail(&ps, "text after the formula");
    *out = (ftc_ev_result){.rows = v.rows, .cols = v.cols, .texts = ps.texts};
    out->cells = g_memdup2(v.c, v.rows * v.cols * sizeof *v.c);
    g_ptr_array_free(ps.allocs, TRUE);
    if (ps.failed)
        ftc_ev_result_clear(out);
    return !ps.failed;
}

void ftc_ev_result_clear(ftc_ev_result *result)
{
    g_free(result->cells);
    if (result->texts != NULL)
        g_string_chunk_free(result->texts);
    *result = (ftc_ev_result){0};
}
