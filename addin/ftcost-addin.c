/* ftcost-addin.c: the Calc add-in of ftcost, in C, through binary UNO: the
 * component, its members, the factory and the entry points.
 *
 * The component lives in the "uno" environment (the .components file says
 * environment="uno"): cppuhelper hands component_getFactory() a service
 * manager already mapped into binary UNO and expects a binary-UNO factory
 * back.  Every object here is one uno_Interface whose dispatcher serves all
 * of its interfaces:
 *
 *   factory:  XInterface, XSingleComponentFactory, XSingleServiceFactory,
 *             XServiceInfo
 *   add-in:   XInterface, XTypeProvider, XServiceInfo, XServiceName,
 *             com.sun.star.sheet.XAddIn (+ XLocalizable),
 *             com.sun.star.sheet.XCompatibilityNames, org.ftcost.XFunctions
 *
 * The function table of the core (ftcost.h) drives every answer: names,
 * descriptions and argument help for XAddIn, and the XFunctions methods,
 * whose IDL is generated from the same table (ftcost-uno-gen.c).  Nothing in
 * this file knows a single function.  The other interfaces' members are
 * dispatched by name from a table (addin_members, factory_members).
 *
 * Calls into XFunctions: the member type description is mapped once to a
 * call plan (its table function and how each parameter is declared; cached
 * per member position, the description held), then each call goes to
 * call_planned (ftcost-convert.c): single values unpacked on the stack and
 * ftc_call, or call_function's general path for ranges and arrays.
 *
 * Diagnostics: FTCOST_LOG=1 logs to stderr, FTCOST_LOG=/some/file appends
 * there; silent otherwise.
 */
#include "ftcost-convert.h"
#include "ftcost-uno.h"

#include "ftcost-uno-names.h"
#include "ftcost.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>

#define EXPORT __attribute__((visibility("default")))

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* ---------------------------------------------------------------------------
 * Members by name: each object's members other than XFunctions' are a
 * table of handlers.  A handler returns false when memory ran out (the
 * dispatcher raises a RuntimeException then).
 */
typedef bool (*member_handler)(uno_Interface *self, void *ret, void *args[]);

typedef struct {
    const char *name;
    member_handler handler;
} member_entry;

static member_handler find_member(const member_entry *table, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(table[i].name, name) == 0)
            return table[i].handler;
    return NULL;
}

/* Borrowed in-argument k, NULL when absent. */
static void *arg_at(void *args[], size_t k)
{
    return args ? args[k] : NULL;
}

/* ---------------------------------------------------------------------------
 * Members both objects have
 */
static const char *const service_names[] = {FTCOST_UNO_SERVICE, FTCOST_UNO_ADDIN_SERVICE};

static bool m_acquire(uno_Interface *self, void *ret, void *args[])
{
    (void)ret;
    (void)args;
    self->acquire(self);
    return true;
}

static bool m_release(uno_Interface *self, void *ret, void *args[])
{
    (void)ret;
    (void)args;
    self->release(self);
    return true;
}

static bool m_implementation_name(uno_Interface *self, void *ret, void *args[])
{
    (void)self;
    (void)args;
    return return_string(ret, FTCOST_UNO_IMPLEMENTATION);
}

static bool m_supports_service(uno_Interface *self, void *ret, void *args[])
{
    char name[128];
    void *a0 = arg_at(args, 0);
    bool yes = false;

    (void)self;
    if (a0 && ustr_ascii(*(rtl_uString **)a0, name, sizeof name))
        for (size_t i = 0; i < N_OF(service_names); i++)
            if (strcmp(name, service_names[i]) == 0)
                yes = true;
    *(sal_Bool *)ret = yes ? 1 : 0;
    return true;
}

static bool m_supported_service_names(uno_Interface *self, void *ret, void *args[])
{
    (void)self;
    (void)args;
    return return_string_seq(ret, service_names, N_OF(service_names));
}

/* ---------------------------------------------------------------------------
 * The add-in object
 */
typedef struct {
    uno_Interface iface; /* first: the object is its uno_Interface */
    atomic_int refs;
    atomic_int lang; /* ftc_lang, from setLocale */
    oslMutex mutex;  /* guards the locale strings */
    rtl_uString *language, *country, *variant;
} addin;

static void SAL_CALL addin_acquire(uno_Interface *p)
{
    atomic_fetch_add_explicit(&((addin *)p)->refs, 1, memory_order_relaxed);
}

static void SAL_CALL addin_release(uno_Interface *p)
{
    addin *self = (addin *)p;
    if (atomic_fetch_sub_explicit(&self->refs, 1, memory_order_acq_rel) != 1)
        return;
    log_msg("add-in object %p destroyed", (void *)self);
    if (self->language)
        rtl_uString_release(self->language);
    if (self->country)
        rtl_uString_release(self->country);
    if (self->variant)
        rtl_uString_release(self->variant);
    if (self->mutex)
        osl_destroyMutex(self->mutex);
    free(self);
}

static ftc_lang lang_of(uno_Interface *self)
{
    return (ftc_lang)atomic_load(&((addin *)self)->lang);
}

static bool m_addin_query_interface(uno_Interface *self, void *ret, void *args[])
{
    typelib_TypeDescriptionReference *mine[] = {T.xinterface,   T.xtypeprovider, T.xserviceinfo,
                                                T.xservicename, T.xaddin,        T.xlocalizable,
                                                T.xcompat,      T.xfunctions};
    query_interface(self, arg_at(args, 0), ret, mine, N_OF(mine));
    return true;
}

static bool m_get_types(uno_Interface *self, void *ret, void *args[])
{
    typelib_TypeDescriptionReference *types[] = {
        T.xtypeprovider, T.xserviceinfo, T.xservicename, T.xaddin, T.xcompat, T.xfunctions};
    (void)self;
    (void)args;
    return return_type_seq(ret, types, N_OF(types));
}

static bool m_implementation_id(uno_Interface *self, void *ret, void *args[])
{
    (void)self;
    (void)args;
    return return_empty_seq(ret, T.seq_byte);
}

static bool m_service_name(uno_Interface *self, void *ret, void *args[])
{
    (void)self;
    (void)args;
    return return_string(ret, FTCOST_UNO_SERVICE);
}

static bool m_set_locale(uno_Interface *self, void *ret, void *args[])
{
    addin *me = (addin *)self;
    const rtl_uString *const *loc = arg_at(args, 0);
    char lang[64], country[64], code[130];

    (void)ret;
    if (!loc)
        return true;
    if (!ustr_ascii(loc[0], lang, sizeof lang))
        lang[0] = '\0';
    if (!ustr_ascii(loc[1], country, sizeof country))
        country[0] = '\0';
    snprintf(code, sizeof code, "%s%s%s", lang, country[0] ? "-" : "", country);
    atomic_store(&me->lang, (int)ftc_lang_from_code(code));
    osl_acquireMutex(me->mutex);
    rtl_uString **mine[3] = {&me->language, &me->country, &me->variant};
    for (int i = 0; i < 3; i++) {
        rtl_uString *u = (rtl_uString *)loc[i];
        if (u)
            rtl_uString_acquire(u);
        if (*mine[i])
            rtl_uString_release(*mine[i]);
        *mine[i] = u;
    }
    osl_releaseMutex(me->mutex);
    log_msg("setLocale %s -> %s", code, ftc_lang_code(lang_of(self)));
    return true;
}

static bool m_get_locale(uno_Interface *self, void *ret, void *args[])
{
    addin *me = (addin *)self;
    rtl_uString **out = (rtl_uString **)ret;

    (void)args;
    osl_acquireMutex(me->mutex);
    rtl_uString *mine[3] = {me->language, me->country, me->variant};
    for (int i = 0; i < 3; i++) {
        out[i] = NULL;
        if (mine[i]) {
            rtl_uString_acquire(mine[i]);
            out[i] = mine[i];
        } else {
            rtl_uString_new(&out[i]);
        }
    }
    osl_releaseMutex(me->mutex);
    return true;
}

/* XAddIn: the function named by a programmatic name (the method name), or
 * by its display name: the table's lookup ignores case. */
static const ftc_function *function_of(void *arg)
{
    char name[128];
    if (!arg || !ustr_ascii(*(rtl_uString **)arg, name, sizeof name))
        return NULL;
    return ftc_function_find(name);
}

/* sic: the IDL misspells it.  Display name -> method name (lower case). */
static bool m_programmatic_name(uno_Interface *self, void *ret, void *args[])
{
    const ftc_function *fn = function_of(arg_at(args, 0));
    char method[128];
    size_t n = fn ? strlen(fn->name) : 0;

    (void)self;
    if (!fn || n >= sizeof method)
        return return_string(ret, "");
    for (size_t i = 0; i <= n; i++)
        method[i] =
            (char)((fn->name[i] >= 'A' && fn->name[i] <= 'Z') ? fn->name[i] + 32 : fn->name[i]);
    return return_string(ret, method);
}

static bool m_display_name(uno_Interface *self, void *ret, void *args[])
{
    const ftc_function *fn = function_of(arg_at(args, 0));
    (void)self;
    return return_string(ret, fn ? fn->name : "");
}

static bool m_function_description(uno_Interface *self, void *ret, void *args[])
{
    const ftc_function *fn = function_of(arg_at(args, 0));
    return return_string(ret, fn ? ftc_text(&fn->description, lang_of(self)) : "");
}

/* (function name, argument index) -> the function, or NULL when either is
 * not there; *index set. */
static const ftc_function *argument_of(void *args[], size_t *index)
{
    const ftc_function *fn = function_of(arg_at(args, 0));
    void *a1 = arg_at(args, 1);
    sal_Int32 i = a1 ? *(sal_Int32 *)a1 : -1;

    if (!fn || i < 0 || (size_t)i >= fn->n_args)
        return NULL;
    *index = (size_t)i;
    return fn;
}

static bool m_argument_name(uno_Interface *self, void *ret, void *args[])
{
    size_t i = 0;
    const ftc_function *fn = argument_of(args, &i);
    return return_string(ret, fn ? ftc_text(&fn->args[i].name, lang_of(self)) : "");
}

static bool m_argument_description(uno_Interface *self, void *ret, void *args[])
{
    size_t i = 0;
    const ftc_function *fn = argument_of(args, &i);
    if (!fn)
        return return_string(ret, "");
    size_t need = ftc_arg_help(fn, i, lang_of(self), NULL, 0) + 1;
    char *buf = malloc(need);
    if (!buf)
        return false;
    ftc_arg_help(fn, i, lang_of(self), buf, need);
    bool ok = return_string(ret, buf);
    free(buf);
    return ok;
}

static bool m_category(uno_Interface *self, void *ret, void *args[])
{
    (void)self;
    (void)args;
    return return_string(ret, FTCOST_UNO_CATEGORY);
}

/* No compatibility names: LibreOffice 25.2 writes an add-in call into .xlsx
 * by its compatibility name ("FT_TCO(...)"), which 7.4 cannot read back
 * (#NAME?), while both read and write the programmatic name
 * (ORG.FTCOST.FUNCTIONS.FT_TCO) when there is none.  Files then travel
 * between versions in both directions (measured: README, "Versions"). */
static bool m_compatibility_names(uno_Interface *self, void *ret, void *args[])
{
    (void)self;
    (void)args;
    return return_empty_seq(ret, T.seq_localized_name);
}

static const member_entry addin_members[] = {
    {"queryInterface", m_addin_query_interface},
    {"acquire", m_acquire},
    {"release", m_release},
    {"getTypes", m_get_types},
    {"getImplementationId", m_implementation_id},
    {"getImplementationName", m_implementation_name},
    {"supportsService", m_supports_service},
    {"getSupportedServiceNames", m_supported_service_names},
    {"getServiceName", m_service_name},
    {"setLocale", m_set_locale},
    {"getLocale", m_get_locale},
    {"getProgrammaticFuntionName", m_programmatic_name},
    {"getDisplayFunctionName", m_display_name},
    {"getFunctionDescription", m_function_description},
    {"getDisplayArgumentName", m_argument_name},
    {"getArgumentDescription", m_argument_description},
    {"getProgrammaticCategoryName", m_category},
    {"getDisplayCategoryName", m_category},
    {"getCompatibilityNames", m_compatibility_names},
};

/* Member -> its call plan, cached by the member's position in its
 * interface: set once per position (compare-and-swap from empty), never
 * replaced or freed while the library is loaded, so a call reads it
 * without a lock.  The entry holds the member's description, whose address
 * therefore cannot be reused by another member. */
#define SLOTS 256
typedef struct {
    typelib_TypeDescription *member;
    call_plan plan;
} slot_entry;
static _Atomic(slot_entry *) slots[SLOTS];

static bool method_matches(const char *method, const char *display)
{
    for (; *method && *display; method++, display++)
        if (*method != (char)((*display >= 'A' && *display <= 'Z') ? *display + 32 : *display))
            return false;
    return *method == *display;
}

/* Slow path, once per member: which table function does it call? */
static const ftc_function *lookup_function(const typelib_InterfaceMethodTypeDescription *m,
                                           const char *member, char *why, size_t whysize)
{
    size_t count = ftc_function_count();
    for (size_t i = 0; i < count; i++) {
        const ftc_function *fn = ftc_function_at(i);
        if (!fn || !method_matches(member, fn->name))
            continue;
        if ((size_t)m->nParams != fn->n_args) {
            snprintf(why, whysize,
                     "%s: the installed type library declares %ld arguments, the "
                     "function table %zu (stale ftcost.rdb?)",
                     fn->name, (long)m->nParams, fn->n_args);
            return NULL;
        }
        return fn;
    }
    snprintf(why, whysize, "%s: no such function in the table", member);
    return NULL;
}

/* The plan of a member seen for the first time, cached when its slot is
 * free; NULL when memory ran out or the plan cannot be made. */
static const call_plan *cache_member(const typelib_TypeDescription *member,
                                     const ftc_function *fn, call_plan *local)
{
    const typelib_InterfaceMethodTypeDescription *m =
        (const typelib_InterfaceMethodTypeDescription *)member;
    if (!call_plan_init(local, fn, m))
        return NULL;
    sal_Int32 pos = m->aBase.nPosition;
    slot_entry *e = pos >= 0 && pos < SLOTS ? malloc(sizeof *e) : NULL;
    if (!e)
        return local;
    e->member = (typelib_TypeDescription *)member;
    e->plan = *local;
    typelib_typedescription_acquire(e->member);
    slot_entry *expected = NULL;
    if (atomic_compare_exchange_strong_explicit(&slots[pos], &expected, e, memory_order_acq_rel,
                                                memory_order_acquire))
        return &e->plan;
    typelib_typedescription_release(e->member);
    free(e);
    return local;
}

static void SAL_CALL addin_dispatch(uno_Interface *pUnoI,
                                    const typelib_TypeDescription *pMemberType, void *pReturn,
                                    void *pArgs[], uno_Any **ppException)
{
    if (!ppException)
        return;
    uno_Any *exc = *ppException; /* caller's memory for an exception */
    *ppException = NULL;
    if (!pUnoI || !pMemberType) {
        raise_runtime(pUnoI, "ftcost add-in: call without a member", exc, ppException);
        return;
    }

    /* Hot path: an XFunctions method seen before. */
    if (pMemberType->eTypeClass == typelib_TypeClass_INTERFACE_METHOD) {
        sal_Int32 pos =
            ((const typelib_InterfaceMemberTypeDescription *)pMemberType)->nPosition;
        const slot_entry *e = pos >= 0 && pos < SLOTS
                                  ? atomic_load_explicit(&slots[pos], memory_order_acquire)
                                  : NULL;
        if (e && e->member == pMemberType) {
            call_planned(pUnoI, &e->plan,
                         (const typelib_InterfaceMethodTypeDescription *)pMemberType, pReturn,
                         pArgs, exc, ppException);
            return;
        }
    }

    char iface[256], member[128];
    if (pMemberType->eTypeClass != typelib_TypeClass_INTERFACE_METHOD ||
        !split_member_name(pMemberType->pTypeName, iface, sizeof iface, member,
                           sizeof member)) {
        raise_runtime(pUnoI, "ftcost add-in: unsupported member", exc, ppException);
        return;
    }
    log_msg("call %s::%s", iface, member);
    if (strcmp(iface, FTCOST_UNO_INTERFACE) == 0) {
        const typelib_InterfaceMethodTypeDescription *m =
            (const typelib_InterfaceMethodTypeDescription *)pMemberType;
        char why[FTC_ERROR_MESSAGE_MAX];
        const ftc_function *fn = lookup_function(m, member, why, sizeof why);
        if (!fn) {
            raise_runtime(pUnoI, why, exc, ppException);
            return;
        }
        call_plan local;
        const call_plan *plan = cache_member(pMemberType, fn, &local);
        if (plan)
            call_planned(pUnoI, plan, m, pReturn, pArgs, exc, ppException);
        else
            call_function(pUnoI, fn, m, pReturn, pArgs, exc, ppException);
        return;
    }
    member_handler h = find_member(addin_members, N_OF(addin_members), member);
    if (!h) {
        char msg[200];
        snprintf(msg, sizeof msg, "ftcost add-in: unknown member %s", member);
        raise_runtime(pUnoI, msg, exc, ppException);
    } else if (!h(pUnoI, pReturn, pArgs)) {
        raise_runtime(pUnoI, "out of memory", exc, ppException);
    }
}

static addin *addin_new(void)
{
    addin *self = calloc(1, sizeof *self);
    if (!self)
        return NULL;
    self->mutex = osl_createMutex();
    if (!self->mutex) {
        free(self);
        return NULL;
    }
    self->iface.acquire = addin_acquire;
    self->iface.release = addin_release;
    self->iface.pDispatcher = addin_dispatch;
    atomic_init(&self->refs, 1);
    atomic_init(&self->lang, (int)FTC_LANG_EN);
    log_msg("add-in object %p created (%zu functions)", (void *)self, ftc_function_count());
    return self;
}

/* ---------------------------------------------------------------------------
 * The factory
 */
typedef struct {
    uno_Interface iface;
    atomic_int refs;
} factory;

static void SAL_CALL factory_acquire(uno_Interface *p)
{
    atomic_fetch_add_explicit(&((factory *)p)->refs, 1, memory_order_relaxed);
}

static void SAL_CALL factory_release(uno_Interface *p)
{
    if (atomic_fetch_sub_explicit(&((factory *)p)->refs, 1, memory_order_acq_rel) == 1)
        free(p);
}

static bool m_factory_query_interface(uno_Interface *self, void *ret, void *args[])
{
    typelib_TypeDescriptionReference *mine[] = {T.xinterface, T.xcomponentfactory,
                                                T.xservicefactory, T.xserviceinfo};
    query_interface(self, arg_at(args, 0), ret, mine, N_OF(mine));
    return true;
}

/* Every createInstance*: the arguments and the context are not needed. */
static bool m_create_instance(uno_Interface *self, void *ret, void *args[])
{
    addin *obj = addin_new();

    (void)self;
    (void)args;
    if (!obj)
        return false;
    *(uno_Interface **)ret = &obj->iface;
    return true;
}

static const member_entry factory_members[] = {
    {"queryInterface", m_factory_query_interface},
    {"acquire", m_acquire},
    {"release", m_release},
    {"createInstance", m_create_instance},
    {"createInstanceWithArguments", m_create_instance},
    {"createInstanceWithContext", m_create_instance},
    {"createInstanceWithArgumentsAndContext", m_create_instance},
    {"getImplementationName", m_implementation_name},
    {"supportsService", m_supports_service},
    {"getSupportedServiceNames", m_supported_service_names},
};

static void SAL_CALL factory_dispatch(uno_Interface *pUnoI,
                                      const typelib_TypeDescription *pMemberType, void *pReturn,
                                      void *pArgs[], uno_Any **ppException)
{
    if (!ppException)
        return;
    uno_Any *exc = *ppException;
    *ppException = NULL;
    char iface[256], member[128];
    if (!pUnoI || !pMemberType ||
        pMemberType->eTypeClass != typelib_TypeClass_INTERFACE_METHOD ||
        !split_member_name(pMemberType->pTypeName, iface, sizeof iface, member,
                           sizeof member)) {
        raise_runtime(pUnoI, "ftcost factory: unsupported member", exc, ppException);
        return;
    }
    log_msg("factory %s::%s", iface, member);
    member_handler h = find_member(factory_members, N_OF(factory_members), member);
    if (!h)
        raise_runtime(pUnoI, "ftcost factory: unknown member", exc, ppException);
    else if (!h(pUnoI, pReturn, pArgs))
        raise_runtime(pUnoI, "ftcost: out of memory", exc, ppException);
}

/* ---------------------------------------------------------------------------
 * Entry points: the only exported symbols (see exports.map), looked up by
 * name by LibreOffice's component loader: no header declares them.
 */
EXPORT void SAL_CALL component_getImplementationEnvironment(const char **ppEnvTypeName,
                                                            void **ppEnv);
EXPORT void *SAL_CALL component_getFactory(const char *pImplName, void *pServiceManager,
                                           void *pRegistryKey);

static once_flag types_once = ONCE_FLAG_INIT;

EXPORT void SAL_CALL component_getImplementationEnvironment(const char **ppEnvTypeName,
                                                            void **ppEnv)
{
    (void)ppEnv;
    if (ppEnvTypeName)
        *ppEnvTypeName = "uno";
}

EXPORT void *SAL_CALL component_getFactory(const char *pImplName, void *pServiceManager,
                                           void *pRegistryKey)
{
    (void)pServiceManager;
    (void)pRegistryKey;
    call_once(&types_once, types_init);
    log_msg("component_getFactory(%s)", pImplName ? pImplName : "(null)");
    if (!T.ok || !pImplName || strcmp(pImplName, FTCOST_UNO_IMPLEMENTATION) != 0)
        return NULL;
    factory *f = calloc(1, sizeof *f);
    if (!f)
        return NULL;
    f->iface.acquire = factory_acquire;
    f->iface.release = factory_release;
    f->iface.pDispatcher = factory_dispatch;
    atomic_init(&f->refs, 1);
    return &f->iface;
}
