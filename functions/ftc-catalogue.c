/* ftc-catalogue.c: the function catalogue, the single source of truth.
 *
 * Every function the add-in offers, the command runs and the reference
 * documents is listed once below.  Each is one block beside its kernel
 * (ftc-finetune.c, ftc-api.c, ftc-api-price.c, ftc-compare.c, ftc-rag.c,
 * ftc-sizing.c, ftc-gpu-functions.c): name, help in English (German and
 * French in po/LANG.po), arguments with unit, accepted values and default,
 * worked examples, the kernel, the `ftcost share` expansion.  Nothing else
 * lists the functions (HACKING.md: adding one).  The contract these follow is
 * shared/spec/FUNCTIONS.md; examples are the spec's worked examples.
 */
#include "ftc-formula.h"
#include "ftcost-private.h"

#include <glib.h>

/* The order is the order of the reference and the Function Wizard. */
static const ftc_function *const catalogue[] = {
    &ftc_fn_tco,
    &ftc_fn_tco_items,
    &ftc_fn_hidden_share,
    &ftc_fn_training_cost,
    &ftc_fn_training_tokens_cost,
    &ftc_fn_serving_cost,
    &ftc_fn_selfhost_per_mtok,
    &ftc_fn_energy_kwh,
    &ftc_fn_co2_kg,
    &ftc_fn_api_cost,
    &ftc_fn_api_tco,
    &ftc_fn_api_price,
    &ftc_fn_api_price_date,
    &ftc_fn_api_model_retires,
    &ftc_fn_api_models,
    &ftc_fn_breakeven,
    &ftc_fn_breakeven_volume,
    &ftc_fn_schedule,
    &ftc_fn_verdict,
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
    /* ftc-gpu-functions.c */
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

static const char *expansion_of(const char *name, void *data)
{
    const ftc_function *fn = ftc_function_find(name);

    (void)data;
    return fn != NULL ? fn->expansion : NULL;
}

/* An expansion names other functions' by their display names
 * ({{FT_TCO(...)}}): composed here, where the names are known. */
char *ftc_formula_function_pattern(const ftc_function *fn, ftc_error *err)
{
    if (fn == NULL || fn->expansion == NULL) {
        ftc_fail(err, FTC_ERR_INVALID, -1, "no built-in equivalent");
        return NULL;
    }
    return ftc_formula_compose(fn->expansion, expansion_of, NULL, err);
}
