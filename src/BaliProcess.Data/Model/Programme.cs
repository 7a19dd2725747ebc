namespace BaliProcess.Data.Model;

/// <summary>What a programme record is, in the documents' own terms (decision 0032).</summary>
public enum ProgrammeKind
{
    /// <summary>"the Bali Process Basic Course on Combating Trafficking in Persons" (004, Viet Nam's perspective).</summary>
    Course,

    /// <summary>A programme or project, "the … Asia Regional Migration Program" (004, the USA's perspective).</summary>
    Programme,

    /// <summary>"a series of virtual workshops" (004, Developments from 2020-2022).</summary>
    Workshops,

    /// <summary>The Disruption Working Group's "joint period of action" (003, 001).</summary>
    JointPeriodOfAction,

    /// <summary>A member's national plan, strategy or work programme as a document names it.</summary>
    NationalPlan,

    /// <summary>A member's national body (a unit, council, agency or working group) as a document names it.</summary>
    NationalBody,

    /// <summary>A member's law, act or executive order, in force or proposed, as a document names it (decision 0038).</summary>
    NationalLaw,

    /// <summary>A member's own measure that is neither plan, body nor law: a deployment, an awareness month or campaign, a referral mechanism.</summary>
    NationalInitiative,

    /// <summary>"several trainings on the Tool Kit" (004, UNHCR's perspective): trainings a document counts, not one meeting.</summary>
    Trainings,

    /// <summary>"The Tool Kit was piloted in Vietnam, Thailand and Pakistan in 2019 – 2020" (004, UNHCR's perspective).</summary>
    Pilot,
}

/// <summary>The part someone plays in a programme, in a word; the document's own words are in <see cref="ProgrammePart.AsWritten"/>.</summary>
public enum ProgrammePartRole
{
    RunBy,
    FundedBy,
    ImplementedBy,
    DeliveredBy,
    InPartnershipWith,

    /// <summary>Where a training or pilot was held ("piloted in Vietnam, Thailand and Pakistan"), decision 0038.</summary>
    HeldIn,

    /// <summary>Who a document says developed it ("was instrumental in the development of").</summary>
    DevelopedBy,

    /// <summary>The body whose own programme it is, where its name says so ("ASEAN SOMTC Work Programme").</summary>
    BelongsTo,

    /// <summary>Who chairs a national body ("It is chaired by the Honorable J. Uduch Sengebau Senior").</summary>
    ChairedBy,

    /// <summary>Who supports it without running it ("technical support extended by the Bali Process/RSO").</summary>
    SupportedBy,
}

/// <summary>
/// A programme, course, series of workshops, joint period of action, or a member's national plan or body, as a
/// document states it: its name (flagged where the portal built it), what it is in the documents' words, who
/// runs or funds it, its period at the stated precision, the mechanism it belongs to and the member whose own
/// it is. Nothing here is inferred: a field no document states stays empty (decision 0032).
/// </summary>
public class Programme : ISourced
{
    public int Id { get; set; }
    public required string Slug { get; set; }

    /// <summary>The name as a document writes it, unless <see cref="NameAddedByPortal"/>.</summary>
    public required string Name { get; set; }

    /// <summary>True when no document names it so and the portal built the name from its words; pages show it in [brackets].</summary>
    public bool NameAddedByPortal { get; set; }
    public ProgrammeKind Kind { get; set; }

    /// <summary>The mechanism a document says it belongs to or is run by; null for the Bali Process as a whole or none stated.</summary>
    public int? MechanismId { get; set; }
    public Mechanism? Mechanism { get; set; }

    /// <summary>The member whose national plan or body it is.</summary>
    public int? ParticipantId { get; set; }
    public Participant? Participant { get; set; }
    public DateOnly? StartDate { get; set; }
    public DatePrecision? StartPrecision { get; set; }
    public DateOnly? EndDate { get; set; }
    public DatePrecision? EndPrecision { get; set; }

    /// <summary>What the documents say of it, verbatim, each with its source (checked by the faithfulness test).</summary>
    public List<Quote> Quotes { get; set; } = [];
    public List<ProgrammePart> Parts { get; set; } = [];
    public List<SourceReference> Sources { get; set; } = [];

    public PartialDate? Start => PartialDate.FromColumns(StartDate, StartPrecision);
    public PartialDate? End => PartialDate.FromColumns(EndDate, EndPrecision);
}

/// <summary>Who runs, funds, implements or delivers a programme, in the document's words; linked to a participant only where the words name one.</summary>
public class ProgrammePart : ISourced
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public Programme? Programme { get; set; }
    public ProgrammePartRole Role { get; set; }

    /// <summary>The document's words ("U.S.-funded", "the People's Police Academy of Viet Nam, in partnership with the RSO").</summary>
    public required string AsWritten { get; set; }
    public int? ParticipantId { get; set; }
    public Participant? Participant { get; set; }
    public int? MechanismId { get; set; }
    public Mechanism? Mechanism { get; set; }
    public List<SourceReference> Sources { get; set; } = [];
}
