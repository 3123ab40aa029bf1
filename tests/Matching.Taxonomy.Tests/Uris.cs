namespace Matching.Taxonomy.Tests;

/// <summary>ESCO v1.1.1 concepts the tests name (checked against the data: preferred labels in comments).</summary>
internal static class Uris
{
    public const string ForkliftOperator = "http://data.europa.eu/esco/occupation/eeac6251-1974-42f5-91ed-513c6c883755"; // 8344.1
    public const string Welder = "http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b";           // 7212.3
    public const string Electrician = "http://data.europa.eu/esco/occupation/4910419f-b4af-4f59-b544-9dbebc8a74f0";      // 7411.1
    public const string BuildingElectrician = "http://data.europa.eu/esco/occupation/33960bab-4423-4808-af6c-ec2b485dba41"; // 7411.1.1
    public const string CargoVehicleDriver = "http://data.europa.eu/esco/occupation/45037d43-a8f5-4f46-b332-b2935bc305f4"; // 8332.2
    public const string Cook = "http://data.europa.eu/esco/occupation/90f75f67-495d-49fa-ab57-2f320e251d7e";             // 5120.1
    public const string SoftwareDeveloper = "http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1"; // 2512.4
    public const string TechnicalDirector = "http://data.europa.eu/esco/occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34"; // 2654.1.7
    public const string ArtRestorer = "http://data.europa.eu/esco/occupation/09a40a9a-2b60-422c-abe4-96d829bc27df";      // 2651.2
    public const string BookRestorer = "http://data.europa.eu/esco/occupation/2f1380b4-b76b-489c-a3a8-cd05ed6ad392";     // 7323.3
    public const string DronePilot = "http://data.europa.eu/esco/occupation/27a88c48-1d09-4a8c-a82a-a61ea16476d9";       // 3153.4

    public const string JavaScript = "http://data.europa.eu/esco/skill/3cd569a2-4f88-4c1e-9995-8dce8c5e51a7";
    public const string CSharp = "http://data.europa.eu/esco/skill/4c016b68-4116-468c-9dc6-42710c239e4a";
    public const string OperateForklift = "http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da";
    public const string Spreadsheets = "http://data.europa.eu/esco/skill/1973c966-f236-40c9-b2d4-5d71a89019be";     // use spreadsheets software
    public const string DriveVehicles = "http://data.europa.eu/esco/skill/2a82241a-216e-44d8-bb50-6b9a0ef82084";
    public const string Plc = "http://data.europa.eu/esco/skill/6468e5fb-f3be-4025-87be-4b6556755c61";             // programmable logic controller
    public const string OperateWeldingEquipment = "http://data.europa.eu/esco/skill/2fcd95a4-1f9a-41cf-95a9-4701bde476b4";
    public const string Python = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d";
}
