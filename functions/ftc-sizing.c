/* ftc-sizing.c: what a fine-tuning run needs, from the model and the data,
 * before anyone has a quote.  Estimates from the standard rules
 * (shared/spec/FUNCTIONS.md, part 2):
 *  - compute: 6 FLOPs per parameter per token for full fine-tuning (forward
 *    2, backward 4: Kaplan et al. 2020, "Scaling Laws for Neural Language
 *    Models", C ~ 6ND); LoRA and QLoRA skip the frozen weights' gradients,
 *    4 per parameter per token;
 *  - memory: full fine-tuning with Adam in mixed precision keeps 16 bytes
 *    per parameter (bf16 weights 2, gradients 2, fp32 master copy 4, two
 *    moments 8: Rajbhandari et al. 2020, ZeRO, section 3.1); LoRA keeps the
 *    frozen weights in bf16 (2 bytes), QLoRA in 4 bits (0.5 bytes: Dettmers
 *    et al. 2023), each plus 16 bytes per trainable adapter parameter.
 * Left out: activations (FT_GPUS_NEEDED's headroom is for them), data
 * loading, evaluation, restarts after failures.
 */
#include "ftcost-private.h"

#include <math.h>

/* Method: its words, and what each costs, indexed alike. */
enum { METHOD_FULL, METHOD_LORA, METHOD_QLORA, METHOD_N };
static const char *const method_words[METHOD_N + 1] = {"full", "lora", "qlora", NULL};
static const double flops_per_param_token[METHOD_N] = {6, 4, 4};
static const double bytes_per_frozen_param[METHOD_N] = {16, 2, 0.5};
#define ADAPTER_BYTES_PER_PARAM 16

#define ARG_METHOD                                                                             \
    {                                                                                          \
        .name = L("Method"),                                                                   \
        .description = L("How the model is tuned: all weights, or low-rank "                   \
                         "adapters on bf16 or 4-bit frozen weights"),                          \
        OPTIONAL_CHOICE(method_words, "full")                                                  \
    }

#define ARG_PARAMS                                                                             \
    {                                                                                          \
        .name = L("Params"), .description = L("Parameters of the model"),                      \
        REQUIRED(FTC_UNIT_PARAMETERS, FTC_DOMAIN_POSITIVE)                                     \
    }

#define ARG_TOKENS                                                                             \
    {                                                                                          \
        .name = L("Tokens"),                                                                   \
        .description = L("Training tokens in one epoch: examples × tokens per "               \
                         "example"),                                                           \
        REQUIRED(FTC_UNIT_TOKENS, FTC_DOMAIN_NON_NEGATIVE)                                     \
    }

#define ARG_EPOCHS(opt)                                                                        \
    {                                                                                          \
        .name = L("Epochs"), .description = L("Passes over the training data"), opt            \
    }

static double train_flops(const ftc_value *params, const ftc_value *tokens,
                          const ftc_value *epochs, const ftc_value *method)
{
    return flops_per_param_token[(int)method->number] * params->number * tokens->number *
           epochs->number;
}

/* The share's equivalent of flops_per_param_token; M is the Method. */
#define FLOPS_FACTOR(M) "IF(LOWER(" M ")=\"full\";6;4)"

/* --- FT_TRAIN_FLOPS ---------------------------------------------------------- */

enum { FLOPS_PARAMS, FLOPS_TOKENS, FLOPS_EPOCHS, FLOPS_METHOD, FLOPS_N };

static const ftc_arg_info train_flops_args[] = {
    [FLOPS_PARAMS] = ARG_PARAMS,
    [FLOPS_TOKENS] = ARG_TOKENS,
    [FLOPS_EPOCHS] = ARG_EPOCHS(OPTIONAL(FTC_UNIT_COUNT, FTC_DOMAIN_NON_NEGATIVE, 1)),
    [FLOPS_METHOD] = ARG_METHOD,
};
FTC_ARGS_MATCH(train_flops_args, FLOPS_N);

static const ftc_example train_flops_examples[] = {
    NUMBER_EXAMPLE("7E9; 25000000; 3", 3.15e18),
    NUMBER_EXAMPLE("7E9; 25000000; 3; \"LoRA\"", 2.1e18),
    ERROR_EXAMPLE("7E9; 25000000; 3; \"dora\"", FTC_ERR_INVALID),
    ERROR_EXAMPLE("0; 25000000", FTC_ERR_INVALID),
};

static ftc_status eval_train_flops(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    (void)err;
    return ftc_number(out, train_flops(&a[FLOPS_PARAMS], &a[FLOPS_TOKENS], &a[FLOPS_EPOCHS],
                                       &a[FLOPS_METHOD]));
}

const ftc_function ftc_fn_train_flops = {
    .name = "FT_TRAIN_FLOPS",
    .description = L("Floating-point operations of one training run: 6 per "
                     "parameter per token (full), 4 with LoRA or QLoRA."),
    .result = FTC_TYPE_NUMBER,
    ARGS(train_flops_args),
    .notes = L("An estimate (Kaplan et al. 2020: C = 6ND); leaves out evaluation "
               "and failed runs. Err:502 for a Method other than \"full\", "
               "\"lora\", \"qlora\"."),
    EXAMPLES(train_flops_examples),
    .eval = eval_train_flops,
    .expansion = FLOPS_FACTOR("{{Method}}") "*{{Params}}*{{Tokens}}*{{Epochs}}",
};

/* --- FT_GPU_HOURS ------------------------------------------------------------ */

enum { HOURS_PARAMS, HOURS_TOKENS, HOURS_EPOCHS, HOURS_PEAK, HOURS_MFU, HOURS_METHOD, HOURS_N };

static const ftc_arg_info gpu_hours_args[] = {
    [HOURS_PARAMS] = ARG_PARAMS,
    [HOURS_TOKENS] = ARG_TOKENS,
    [HOURS_EPOCHS] = ARG_EPOCHS(REQUIRED(FTC_UNIT_COUNT, FTC_DOMAIN_NON_NEGATIVE)),
    [HOURS_PEAK] = {.name = L("PeakTflops"),
                    .description = L("The GPU's dense BF16 peak, as GPU_SPEC gives it for "
                                     "\"bf16_tflops\""),
                    REQUIRED(FTC_UNIT_TFLOPS, FTC_DOMAIN_POSITIVE)},
    [HOURS_MFU] = {.name = L("Mfu"),
                   .description = L("Share of the peak a real run achieves (model "
                                    "FLOPs utilization), 0.35 to 0.55 when well tuned"),
                   OPTIONAL(FTC_UNIT_FRACTION, FTC_DOMAIN_FRACTION_ABOVE_0, 0.4)},
    [HOURS_METHOD] = ARG_METHOD,
};
FTC_ARGS_MATCH(gpu_hours_args, HOURS_N);

static const ftc_example gpu_hours_examples[] = {
    /* 3.15e18 / (989e12 * 0.4 * 3600) */
    NUMBER_EXAMPLE("7E9; 25000000; 3; 989", 2.2118301314459049),
    ERROR_EXAMPLE("7E9; 25000000; 3; 989; 0", FTC_ERR_INVALID),
    ERROR_EXAMPLE("7E9; 25000000; 3; 989; 1.5", FTC_ERR_INVALID),
};

static ftc_status eval_gpu_hours(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    (void)err;
    return ftc_number(out, train_flops(&a[HOURS_PARAMS], &a[HOURS_TOKENS], &a[HOURS_EPOCHS],
                                       &a[HOURS_METHOD]) /
                               (a[HOURS_PEAK].number * 1e12 * a[HOURS_MFU].number * 3600));
}

const ftc_function ftc_fn_gpu_hours = {
    .name = "FT_GPU_HOURS",
    .description = L("GPU-hours of one training run: FT_TRAIN_FLOPS / (peak × "
                     "MFU × 3600)."),
    .result = FTC_TYPE_NUMBER,
    ARGS(gpu_hours_args),
    .notes = L("Feeds FT_TRAINING_COST's GpuHoursPerRun (with Gpus = 1: the hours "
               "are spread over however many GPUs run). An estimate: data loading, "
               "evaluation and failed runs are not counted."),
    EXAMPLES(gpu_hours_examples),
    .eval = eval_gpu_hours,
    .expansion = FLOPS_FACTOR("{{Method}}") "*{{Params}}*{{Tokens}}*{{Epochs}}"
                                            "/({{PeakTflops}}*1000000000000*{{Mfu}}*3600)",
};

/* --- FT_TRAIN_MEMORY_GB ------------------------------------------------------ */

enum { MEM_PARAMS, MEM_METHOD, MEM_TRAINABLE_SHARE, MEM_N };

static const ftc_arg_info train_memory_args[] = {
    [MEM_PARAMS] = ARG_PARAMS,
    [MEM_METHOD] = ARG_METHOD,
    [MEM_TRAINABLE_SHARE] = {.name = L("TrainableShare"),
                             .description = L("The adapter's parameters as a share of "
                                              "the model's (LoRA, QLoRA)"),
                             OPTIONAL(FTC_UNIT_FRACTION, FTC_DOMAIN_FRACTION, 0.01)},
};
FTC_ARGS_MATCH(train_memory_args, MEM_N);

static const ftc_example train_memory_examples[] = {
    NUMBER_EXAMPLE("7E9", 112),
    NUMBER_EXAMPLE("7E9; \"lora\"", 15.12),
    NUMBER_EXAMPLE("7E9; \"qlora\"", 4.62),
    ERROR_EXAMPLE("7E9; \"lora\"; 1.5", FTC_ERR_INVALID),
};

static ftc_status eval_train_memory(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    int method = (int)a[MEM_METHOD].number;
    double params = a[MEM_PARAMS].number;
    double adapter = method == METHOD_FULL
                         ? 0.0
                         : a[MEM_TRAINABLE_SHARE].number * params * ADAPTER_BYTES_PER_PARAM;

    (void)err;
    return ftc_number(out, (params * bytes_per_frozen_param[method] + adapter) / 1e9);
}

const ftc_function ftc_fn_train_memory_gb = {
    .name = "FT_TRAIN_MEMORY_GB",
    .description = L("GPU memory in GB for the weights, gradients and optimizer "
                     "states of one run: 16 bytes per parameter (full), 2 (LoRA) "
                     "or 0.5 (QLoRA) plus 16 per adapter parameter."),
    .result = FTC_TYPE_NUMBER,
    ARGS(train_memory_args),
    .notes = L("Activations are not counted: FT_GPUS_NEEDED keeps headroom for "
               "them. Adam in mixed precision (ZeRO paper, 2020); QLoRA after "
               "Dettmers et al. 2023."),
    EXAMPLES(train_memory_examples),
    .eval = eval_train_memory,
    .expansion =
        "({{Params}}*IF(LOWER({{Method}})=\"full\";16;IF(LOWER({{Method}})=\"lora\";2;0.5))+"
        "IF(LOWER({{Method}})=\"full\";0;{{TrainableShare}}*{{Params}}*16))/1000000000",
};

/* --- FT_GPUS_NEEDED ---------------------------------------------------------- */

enum { NEED_MEMORY, NEED_GPU_MEMORY, NEED_HEADROOM, NEED_N };

static const ftc_arg_info gpus_needed_args[] = {
    [NEED_MEMORY] = {.name = L("MemoryGB"),
                     .description = L("Memory the run needs (FT_TRAIN_MEMORY_GB)"),
                     REQUIRED(FTC_UNIT_GB, FTC_DOMAIN_NON_NEGATIVE)},
    [NEED_GPU_MEMORY] = {.name = L("GpuMemoryGB"),
                         .description = L("Memory of one GPU, as GPU_SPEC gives it for "
                                          "\"memory_gb\""),
                         REQUIRED(FTC_UNIT_GB, FTC_DOMAIN_POSITIVE)},
    [NEED_HEADROOM] = {.name = L("Headroom"),
                       .description = L("Share of each GPU's memory kept free for "
                                        "activations and buffers"),
                       OPTIONAL(FTC_UNIT_FRACTION, FTC_DOMAIN_FRACTION_BELOW_1, 0.2)},
};
FTC_ARGS_MATCH(gpus_needed_args, NEED_N);

static const ftc_example gpus_needed_examples[] = {
    NUMBER_EXAMPLE("112; 80", 2),
    NUMBER_EXAMPLE("4.62; 24", 1),
    NUMBER_EXAMPLE("0; 80", 1),
    ERROR_EXAMPLE("112; 80; 1", FTC_ERR_INVALID),
};

static ftc_status eval_gpus_needed(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    double usable = a[NEED_GPU_MEMORY].number * (1 - a[NEED_HEADROOM].number);

    (void)err;
    return ftc_number(out, fmax(1.0, ceil(a[NEED_MEMORY].number / usable)));
}

const ftc_function ftc_fn_gpus_needed = {
    .name = "FT_GPUS_NEEDED",
    .description = L("GPUs whose memory holds the run, with headroom: at least 1."),
    .result = FTC_TYPE_NUMBER,
    ARGS(gpus_needed_args),
    .notes = L("Assumes the states shard evenly over the GPUs (ZeRO-3 / FSDP)."),
    EXAMPLES(gpus_needed_examples),
    .eval = eval_gpus_needed,
    .expansion = "MAX(1;ROUNDUP({{MemoryGB}}/({{GpuMemoryGB}}*(1-{{Headroom}}));0))",
};
