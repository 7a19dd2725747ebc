namespace BaliProcess.Data.Seeding;

public sealed partial class SeedSet
{
    public List<Located<MechanismMembershipJson>> MechanismMemberships { get; } = [];
    public List<Located<MechanismRelationJson>> MechanismRelations { get; } = [];
    public List<Located<OutcomeDocumentJson>> OutcomeDocuments { get; } = [];
    public List<Located<PersonJson>> People { get; } = [];
    public List<Located<OpenQuestionJson>> OpenQuestions { get; } = [];
    public List<Located<ProgrammeJson>> Programmes { get; } = [];

    /// <summary>Dated events that are not meetings (decision 0035): an export's staff events; seed-data/ has none yet.</summary>
    public List<Located<TimelineEventJson>> TimelineEvents { get; } = [];

    /// <summary>An export's work-plan status history and revisions (decision 0031); seed-data/ has neither.</summary>
    public List<Located<StatusChangeJson>> StatusHistory { get; } = [];

    public List<Located<RevisionJson>> Revisions { get; } = [];

    /// <summary>An export's corrections and withdrawals, drafts included (decision 0030).</summary>
    public List<Located<CorrectionJson>> Corrections { get; } = [];

    /// <summary>The folder the set was read from: an export's source files sit next to its JSON.</summary>
    public string Folder { get; private set; } = "";

    /// <summary>The record files are optional: a seed folder without them still loads.</summary>
    private void ReadRecordFiles(string directory, List<string> problems)
    {
        ReadList(directory, "mechanism-memberships.json", MechanismMemberships, problems, required: false);
        ReadList(directory, "mechanism-relations.json", MechanismRelations, problems, required: false);
        ReadList(directory, "outcome-documents.json", OutcomeDocuments, problems, required: false);
        ReadList(directory, "people.json", People, problems, required: false);
        ReadList(directory, "open-questions.json", OpenQuestions, problems, required: false);
        ReadList(directory, "programmes.json", Programmes, problems, required: false);
        ReadList(directory, SeedExporter.TimelineEventsFile, TimelineEvents, problems, required: false);
        ReadList(directory, SeedExporter.HistoryFile, StatusHistory, problems, required: false);
        ReadList(directory, SeedExporter.RevisionsFile, Revisions, problems, required: false);
        ReadList(directory, SeedExporter.CorrectionsFile, Corrections, problems, required: false);
        Folder = directory;
    }
}
